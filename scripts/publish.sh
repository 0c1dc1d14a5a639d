#!/usr/bin/env bash
# Publish: build the release site for the address it will be served at,
# check it, pre-compress it, write the host headers, and pack an archive.
#   bash scripts/publish.sh https://example.org/aws-outage/
# Writes target/publish/site/ (the directory to upload) and
# target/publish/<name>-<version>-<commit>.tar.gz (the same files, packed);
# PUBLISH_DIR=<dir> writes them under <dir> instead. dist/ is never touched.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

die() {
  printf '\npublish.sh: %s\n' "$*" >&2
  exit 1
}

[ $# -eq 1 ] || die "usage: bash scripts/publish.sh <SITE_URL>   (the address the site will be served at, e.g. https://example.org/aws-outage/)"
SITE_URL=$1
case "$SITE_URL" in
  http://*/* | https://*/*) ;;
  http://* | https://*) SITE_URL="$SITE_URL/" ;;
  *) die "SITE_URL must be an absolute http:// or https:// address, not '$SITE_URL'" ;;
esac
case "$SITE_URL" in
  *\?* | *\#*) die "SITE_URL must be a directory address without ?query or #fragment: '$SITE_URL'" ;;
  */) ;;
  *) SITE_URL="$SITE_URL/" ;;
esac

OUT=${PUBLISH_DIR:-$ROOT/target/publish}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
SITE="$OUT/site"

NAME=$(sed -n 's/^name *= *"\(.*\)"/\1/p' Cargo.toml | head -n 1)
VERSION=$(sed -n 's/^version *= *"\(.*\)"/\1/p' Cargo.toml | head -n 1)
[ -n "$NAME" ] && [ -n "$VERSION" ] || die "cannot read the package name and version from Cargo.toml"
if COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null); then
  # --no-optional-locks: looking must not rewrite the index.
  if [ -n "$(git -C "$ROOT" --no-optional-locks status --porcelain --untracked-files=no 2>/dev/null)" ]; then
    COMMIT="$COMMIT-dirty"
  fi
  EPOCH=$(git -C "$ROOT" log -1 --format=%ct)
else
  COMMIT=nogit
  EPOCH=${SOURCE_DATE_EPOCH:-0}
fi
ARCHIVE="$OUT/$NAME-$VERSION-$COMMIT.tar.gz"

ensure_build_tools

step "Release build for $SITE_URL into $SITE"
rm -rf "$SITE"
rm -f "$OUT/$NAME"-*.tar.gz
SITE_URL="$SITE_URL" trunk build --release --dist "$SITE"

step "Pre-compressing (.gz, .br) and writing _headers"
node scripts/pack-site.mjs "$SITE" "$SITE_URL"

step "Checking the site (scripts/check-site.mjs)"
node scripts/check-site.mjs "$SITE" "$SITE_URL" || die "the site in $SITE is not fit to publish: see the problems above"

step "Packing $ARCHIVE"
# Reproducible: sorted names, no owners, the commit's time on every file.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$EPOCH" -C "$SITE" -cf - . | gzip -9 -n >"$ARCHIVE"

printf '\nPublished for %s\n' "$SITE_URL"
printf '  upload this directory: %s\n' "$SITE"
printf '  or this archive:       %s (%s bytes)\n' "$ARCHIVE" "$(stat -c %s "$ARCHIVE")"
printf '  README.md, "Publish", says how for GitHub Pages, Netlify, Cloudflare Pages and S3.\n'
