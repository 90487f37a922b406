#!/usr/bin/env bash
# spark-submit without a downloaded distribution: Spark's jars (bench/spark-home/pom.xml) in
# target/spark-home/jars, and Spark's launcher building the command exactly as bin/spark-class does
# (module options for Java 17, classpath, driver memory). With SPARK_HOME set, its bin/spark-submit runs.
#   bench/spark-submit.sh --master 'local[2]' --class dev.poolscope.spark.FleetReport target/poolscope.jar LOGS/
set -euo pipefail
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
if [ -n "${SPARK_HOME:-}" ] && [ -x "$SPARK_HOME/bin/spark-submit" ]; then
    exec "$SPARK_HOME/bin/spark-submit" "$@"
fi
export SPARK_HOME="$here/target/spark-home"
export SPARK_SCALA_VERSION=2.13
if [ ! -f "$SPARK_HOME/RELEASE" ]; then
    mvn -B -q -f "$here/bench/spark-home/pom.xml" dependency:copy-dependencies \
        -DoutputDirectory="$SPARK_HOME/jars" >&2
    echo "Spark jars from Maven Central for bench/spark-submit.sh" > "$SPARK_HOME/RELEASE"
fi
# As bin/spark-class reads the launcher: lines up to an empty one are messages, then NUL-separated arguments.
cmd=()
delim=$'\n'
started=false
while IFS= read -d "$delim" -r arg; do
    if [ "$started" = true ]; then
        cmd+=("$arg")
    elif [ -z "$arg" ]; then
        delim=''
        started=true
    else
        echo "$arg" >&2
    fi
done < <(java -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main org.apache.spark.deploy.SparkSubmit "$@"; printf '%d\0' $?)
status=${cmd[${#cmd[@]}-1]}
unset 'cmd[${#cmd[@]}-1]'
if [ "$status" != 0 ]; then
    exit "$status"
fi
exec "${cmd[@]}"
