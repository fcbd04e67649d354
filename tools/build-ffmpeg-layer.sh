#!/usr/bin/env bash
# Assembles the FFmpeg Lambda layer folder the CDK stack deploys (context "ffmpegLayer"):
#   artifacts/ffmpeg-layer/bin/ffmpeg, bin/ffprobe   -> /opt/bin/... in the function
#   artifacts/ffmpeg-layer/fonts/DejaVuSans.ttf      -> /opt/fonts/... (the overlay font)
#
# Usage: tools/build-ffmpeg-layer.sh FFMPEG FFPROBE [FONT] [OUTPUT]
# FFMPEG and FFPROBE must be STATIC x86_64 Linux builds (e.g. a "release" build from a static-FFmpeg
# distribution, or one you build yourself): provided.al2023 has none of the shared libraries a distro's
# ffmpeg links against. The script refuses dynamically linked binaries.
set -euo pipefail
cd "$(dirname "$0")/.."

ffmpeg=${1:?usage: $0 FFMPEG FFPROBE [FONT] [OUTPUT]}
ffprobe=${2:?usage: $0 FFMPEG FFPROBE [FONT] [OUTPUT]}
font=${3:-/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf}
out=${4:-artifacts/ffmpeg-layer}

for binary in "$ffmpeg" "$ffprobe"; do
  [ -x "$binary" ] || { echo "$binary is not an executable file" >&2; exit 1; }
  if file -L "$binary" | grep -q "dynamically linked"; then
    echo "$binary is dynamically linked: Lambda's provided.al2023 lacks its libraries. Use a static build." >&2
    exit 1
  fi
done
[ -f "$font" ] || { echo "font $font not found (apt-get install fonts-dejavu-core)" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out/bin" "$out/fonts"
cp "$ffmpeg" "$out/bin/ffmpeg"
cp "$ffprobe" "$out/bin/ffprobe"
cp "$font" "$out/fonts/DejaVuSans.ttf"
chmod 755 "$out/bin/ffmpeg" "$out/bin/ffprobe"
echo "$out: $(du -sh "$out" | cut -f1) (a layer may be 250 MB unzipped together with the function)"
