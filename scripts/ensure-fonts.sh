#!/usr/bin/env sh
# Make sure a font with Hangul and Hanzi glyphs is installed (Noto CJK); charts need it.
if fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing fonts-noto-cjk (Hangul and Hanzi glyphs for charts)..."
  (apt-get install -y -qq fonts-noto-cjk fontconfig >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq fonts-noto-cjk fontconfig >/dev/null 2>&1; }) &&
    fc-cache -f >/dev/null 2>&1 && exit 0
fi
echo "warning: no CJK font found (install Debian's fonts-noto-cjk); charts will show Hangul/Hanzi as boxes" >&2
exit 0
