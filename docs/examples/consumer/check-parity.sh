#!/usr/bin/env bash
# The consumer example end to end: the Java port (this Maven project, on the djl-fit kit) and its
# PyTorch original at one seed, the original once more nudged by an ulp (PyTorch against itself),
# then djl-fit's verdict on the pair. Run `mvn -B -q install -DskipTests` in the djl-fit project
# first: it puts the kit jar into the local Maven repository and builds target/djl-fit.jar.
#   docs/examples/consumer/check-parity.sh [SEED]
# Exit code: judge's (0 MATCH, 1 MISMATCH, 2 bad input).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
project="$(cd "$here/../../.." && pwd)"
seed="${1:-0}"
python="${DJLFIT_PYTHON:-/usr/bin/python3}"
if [ -z "${DJLFIT_JUDGE:-}" ] && [ ! -f "$project/target/djl-fit.jar" ]; then
  echo "error: $project/target/djl-fit.jar is missing: run mvn -B -q install -DskipTests in $project first" >&2
  exit 2
fi
mkdir -p "$here/target"

echo "== Java (the kit, DJL): mvn -f $here/pom.xml compile exec:java -Dseed=$seed"
mvn -B -q -f "$here/pom.xml" compile exec:java -Dseed="$seed"
echo "== PyTorch: minibatch_regression.py --seed $seed"
"$python" "$here/minibatch_regression.py" --seed "$seed" --out "$here/target/pytorch.json"
echo "== PyTorch, nudged: minibatch_regression.py --seed $seed --nudge"
"$python" "$here/minibatch_regression.py" --seed "$seed" --nudge --out "$here/target/nudged.json" > /dev/null

# DJLFIT_JUDGE: another way to start djl-fit (the tests use the build's classes), words split on spaces
# shellcheck disable=SC2086
${DJLFIT_JUDGE:-java -jar "$project/target/djl-fit.jar"} judge "$here/target/java.json" "$here/target/pytorch.json" \
  --spread "$here/target/nudged.json"
