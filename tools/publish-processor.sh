#!/usr/bin/env bash
# Publishes the Processor as a Lambda deployment package for the provided.al2023 runtime (x86_64):
#   artifacts/processor/bootstrap   the executable Lambda starts
#   artifacts/processor.zip         bootstrap + appsettings.json, what the CDK stack deploys
# ffmpeg and ffprobe are not inside: they come from a layer at /opt/bin (see README, Deploy).
#
# Usage: tools/publish-processor.sh [aot|single-file] [output-dir]
#   aot (default): Native AOT, 18 MB, about 35 ms cold start; needs gcc (or clang) and zlib headers
#   single-file:   self-contained single file, 101 MB, about 470 ms cold start; needs nothing but the SDK
# Figures and the reasoning: BENCHMARKS.md, "Processor cold start".
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-aot}
out=${2:-artifacts}
publish="$out/processor-$mode"
rm -rf "$publish"

common=(-c Release -r linux-x64 -p:InvariantGlobalization=true -p:DebugType=none -p:GenerateDocumentationFile=false -o "$publish")
case "$mode" in
  aot)
    # Warnings stay errors (Directory.Build.props): a trim or AOT warning fails the publish.
    dotnet publish Processor "${common[@]}" -p:PublishAot=true -p:CppCompilerAndLinker=gcc -p:StripSymbols=true
    ;;
  single-file)
    dotnet publish Processor "${common[@]}" --self-contained -p:PublishSingleFile=true \
      -p:EnableCompressionInSingleFile=false -p:IncludeNativeLibrariesForSelfExtract=true
    ;;
  *) echo "usage: $0 [aot|single-file] [output-dir]" >&2; exit 2 ;;
esac

mv "$publish/Processor" "$publish/bootstrap"
chmod +x "$publish/bootstrap"
rm -rf "$out/processor" "$out/processor.zip"
mkdir -p "$out/processor"
cp "$publish/bootstrap" "$publish/appsettings.json" "$out/processor/"
(cd "$out/processor" && zip -q "../processor.zip" bootstrap appsettings.json)
echo "$mode: $out/processor.zip ($(du -h "$out/processor.zip" | cut -f1)), bootstrap $(du -h "$out/processor/bootstrap" | cut -f1)"
