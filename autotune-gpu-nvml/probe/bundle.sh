#!/usr/bin/env bash
# Builds autotune-gpu-nvml/target/probe: NvmlProbe with its jars, slf4j-simple (so that the
# detection's log line shows) and a small Java runtime made by jlink, so that it runs on a GPU
# host that has a driver but no Java. About 40 MiB. Run from the repository root:
#   bash autotune-gpu-nvml/probe/bundle.sh
#   autotune-gpu-nvml/target/probe/run.sh [samples]
set -euo pipefail
module=autotune-gpu-nvml
probe=$module/target/probe
dependency=org.apache.maven.plugins:maven-dependency-plugin:3.9.0
slf4j=$(sed -n "s:.*<slf4j.version>\(.*\)</slf4j.version>.*:\1:p" pom.xml)

mvn -B -q -pl $module -am install -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true
rm -rf "$probe"
mvn -B -q -pl $module $dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/probe/lib
mvn -B -q -pl $module $dependency:copy -Dartifact=org.slf4j:slf4j-simple:"$slf4j" -DoutputDirectory=target/probe/lib
cp $module/target/$module-*-SNAPSHOT.jar "$probe/lib/"
# java.logging: JNA logs through java.util.logging
jlink --add-modules java.base,java.logging --strip-debug --no-header-files --no-man-pages \
  --compress=2 --output "$probe/jre"
cat > "$probe/run.sh" <<'RUN'
#!/bin/sh
here=$(cd "$(dirname "$0")" && pwd)
exec "$here/jre/bin/java" -cp "$here/lib/*" io.autotune.gpu.nvml.NvmlProbe "$@"
RUN
chmod +x "$probe/run.sh"
du -sh "$probe"
