#!/bin/sh
# Regenerates pb/*.pb.go from copydesk.proto. Run from anywhere:
#   go generate ./core/protocol
# Needs protoc (apt-get install protobuf-compiler; we use 3.21.12). The Go
# generators are installed at the pinned versions when missing, so everyone
# produces byte-identical output.
set -eu
cd "$(dirname "$0")"

PROTOC_GEN_GO_VERSION=v1.36.12
PROTOC_GEN_GO_GRPC_VERSION=v1.6.2

GOBIN="$(go env GOPATH | cut -d: -f1)/bin"
export PATH="$GOBIN:$PATH"

if ! command -v protoc >/dev/null 2>&1; then
	echo "gen.sh: protoc not found; install it with: apt-get install protobuf-compiler" >&2
	exit 1
fi
if ! protoc-gen-go --version 2>/dev/null | grep -q "$PROTOC_GEN_GO_VERSION"; then
	go install "google.golang.org/protobuf/cmd/protoc-gen-go@$PROTOC_GEN_GO_VERSION"
fi
if ! protoc-gen-go-grpc --version 2>/dev/null | grep -q "${PROTOC_GEN_GO_GRPC_VERSION#v}"; then
	go install "google.golang.org/grpc/cmd/protoc-gen-go-grpc@$PROTOC_GEN_GO_GRPC_VERSION"
fi

protoc -I . \
	--go_out=pb --go_opt=paths=source_relative \
	--go-grpc_out=pb --go-grpc_opt=paths=source_relative \
	copydesk.proto
