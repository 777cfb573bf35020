#!/bin/sh
# Draws icon.png (128x128): a page of text with one phrase underlined by a wavy line, on the
# report's blue. Needs ImageMagick (apt-get install imagemagick).
set -eu
cd "$(dirname "$0")"
convert -size 128x128 xc:none \
  -fill '#1f4e79' -draw 'roundrectangle 4,4 123,123 22,22' \
  -fill '#ffffff' -draw 'roundrectangle 30,18 97,110 6,6' \
  -fill '#8aa4bf' -draw 'rectangle 40,32 87,37' -draw 'rectangle 40,48 80,53' \
  -draw 'rectangle 40,80 86,85' -draw 'rectangle 40,94 72,99' \
  -fill '#f2b705' -draw 'rectangle 40,62 87,69' \
  -fill none -stroke '#d62728' -strokewidth 2.5 \
  -draw 'path "M 40,74 Q 44,70 48,74 T 56,74 T 64,74 T 72,74 T 80,74 T 88,74"' \
  -depth 8 -strip icon.png
