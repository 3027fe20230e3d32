#!/bin/sh
# Every user-visible string of the editor window has a finished German and
# French translation: lupdate re-reads app/gui into a copy of each .ts file,
# and any string it has to add (new, or changed in the source since it was
# translated) is reported.
#
#   tests/unit/translations_complete.sh LUPDATE SOURCE_DIR
set -eu
LUPDATE=$1
SRC=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for lang in de fr; do
    copy="$tmp/retake_$lang.ts"
    cp "$SRC/translations/retake_$lang.ts" "$copy"
    "$LUPDATE" -silent -no-obsolete "$SRC/app/gui" -ts "$copy" >/dev/null
    missing=$(grep -c 'type="unfinished"' "$copy" || true)
    if [ "$missing" -ne 0 ]; then
        echo "translations/retake_$lang.ts: $missing string(s) untranslated or changed in the source:" >&2
        grep -B3 'type="unfinished"' "$copy" | grep -A1 '<source>' >&2 || true
        status=1
    else
        echo "translations/retake_$lang.ts: complete"
    fi
done
exit $status
