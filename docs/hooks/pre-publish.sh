#!/bin/sh
# pre-publish.sh — ask `copydesk serve` whether an article may be published.
#
#   pre-publish.sh ARTICLE.json      (or - to read the article from stdin)
#
# The article is one CMS JSON object: {"id": "...", "headline": "...",
# "byline": "...", "body": "..."} (see docs/cms-hook.md).
#
# Environment:
#   COPYDESK_URL          the server (default http://127.0.0.1:8080)
#   COPYDESK_HOOK_SECRET  shared secret; when set, the body is signed with
#                         HMAC-SHA256 in X-Copydesk-Signature
#   COPYDESK_TIMEOUT      seconds to wait for an answer (default 30)
#
# The findings are printed on stdout as lines an editor reads (the server's
# text format: FILE:LINE:COLUMN: severity: message [rule], the line quoted),
# ending with the verdict — on a pass with warnings too.
#
# Exit status — anything but 0 must block publication:
#   0  verdict pass: publish
#   1  verdict fail: do not publish; the findings are on stdout
#   2  usage error
#   3  no verdict (server unreachable, refused the request, timed out):
#      unchecked copy is not published; the reason is on stderr
set -eu

url=${COPYDESK_URL:-http://127.0.0.1:8080}
timeout=${COPYDESK_TIMEOUT:-30}

if [ $# -ne 1 ]; then
	echo "usage: $0 ARTICLE.json   (or - for stdin)" >&2
	exit 2
fi

tmp=$(mktemp) || exit 3
trap 'rm -f "$tmp" "$tmp.out" "$tmp.hdr"' EXIT
if [ "$1" = - ]; then
	cat >"$tmp"
elif [ -r "$1" ]; then
	cat -- "$1" >"$tmp"
else
	echo "$0: cannot read $1" >&2
	exit 2
fi

# The signature covers the exact bytes sent, so sign the file curl posts.
# Note: openssl takes the key on its command line, where other users of
# this machine could see it in ps for an instant; sign in your CMS's own
# language (docs/cms-hook.md) if that matters.
sig=
if [ -n "${COPYDESK_HOOK_SECRET:-}" ]; then
	sig=$(openssl dgst -sha256 -hmac "$COPYDESK_HOOK_SECRET" -r <"$tmp" | cut -d ' ' -f 1) || exit 3
fi

set -- -sS --max-time "$timeout" -o "$tmp.out" -D "$tmp.hdr" -w '%{http_code}' \
	-H 'Content-Type: application/json' --data-binary "@$tmp"
if [ -n "$sig" ]; then
	set -- "$@" -H "X-Copydesk-Signature: sha256=$sig"
fi
if ! status=$(curl "$@" "$url/v1/check?format=text"); then
	echo "$0: copydesk did not answer at $url: not publishing unchecked copy" >&2
	exit 3
fi

case $status in
200)
	# The verdict travels in a header; the body is the findings as text.
	verdict=$(tr -d '\r' <"$tmp.hdr" | sed -n 's/^[Xx]-[Cc]opydesk-[Vv]erdict:[[:space:]]*//p' | tail -n 1)
	cat "$tmp.out"
	case $verdict in
	pass) exit 0 ;;
	fail) exit 1 ;;
	esac
	echo "$0: copydesk answered without a verdict: not publishing unchecked copy" >&2
	exit 3
	;;
*)
	echo "$0: copydesk answered HTTP $status: not publishing unchecked copy" >&2
	cat "$tmp.out" >&2
	exit 3
	;;
esac
