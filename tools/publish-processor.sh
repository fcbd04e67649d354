#!/usr/bin/env bash
# Publishes the Processor as a Lambda deployment package for the provided.al2023 runtime (x86_64):
#   artifacts/processor/bootstrap   the executable Lambda starts (self-contained, single file)
#   artifacts/processor.zip         bootstrap + appsettings.json, ready for `aws lambda update-function-code`
# ffmpeg and ffprobe are not inside: they come from a layer at /opt/bin (set Video__FfmpegPath and
# Video__FfprobePath to /opt/bin/ffmpeg and /opt/bin/ffprobe on the function; see README, Deploy).
#
# Usage: tools/publish-processor.sh [single-file|aot] [output-dir]
#   single-file (default) is what we ship; aot builds a Native AOT binary for comparison only
#   (the Processor is not trim/AOT-clean yet: see BENCHMARKS.md, "Processor cold start").
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-single-file}
out=${2:-artifacts}
publish="$out/processor-$mode"
rm -rf "$publish"

common=(-c Release -r linux-x64 -p:InvariantGlobalization=true -p:DebugType=none -p:GenerateDocumentationFile=false -o "$publish")
case "$mode" in
  single-file)
    dotnet publish Processor "${common[@]}" --self-contained -p:PublishSingleFile=true \
      -p:EnableCompressionInSingleFile=false -p:IncludeNativeLibrariesForSelfExtract=true
    ;;
  aot)
    # Trim/AOT warnings are reported, not fatal, so the binary can be measured.
    dotnet publish Processor "${common[@]}" -p:PublishAot=true -p:TreatWarningsAsErrors=false \
      -p:CppCompilerAndLinker=gcc -p:StripSymbols=true
    ;;
  *) echo "usage: $0 [single-file|aot] [output-dir]" >&2; exit 2 ;;
esac

mv "$publish/Processor" "$publish/bootstrap"
chmod +x "$publish/bootstrap"
if [ "$mode" = single-file ]; then
  rm -rf "$out/processor" "$out/processor.zip" && cp -r "$publish" "$out/processor"
  (cd "$out/processor" && zip -q -r "../processor.zip" bootstrap appsettings.json)
  echo "$out/processor.zip ($(du -h "$out/processor.zip" | cut -f1)), bootstrap $(du -h "$out/processor/bootstrap" | cut -f1)"
else
  echo "$publish/bootstrap $(du -h "$publish/bootstrap" | cut -f1)"
fi
