package protocol

// Regenerate pb/ after editing copydesk.proto (see README.md).
//go:generate sh gen.sh
