#!/usr/bin/env bash
# Executes every notebook in notebooks/ (or the ones named as arguments) in a real Java kernel,
# the rapaio Jupyter kernel, headlessly with nbconvert. The executed copies, outputs included,
# land in target/notebooks/. Exits non-zero as soon as one cell of one notebook fails.
#
# Needs a JDK 17, Maven and nbconvert:
#   apt-get install -y --no-install-recommends jupyter-nbconvert
# The kernel jar comes from Maven Central (io.github.padreati:rapaio-jupyter-kernel); its kernel
# spec is written into a temporary JUPYTER_PATH, so nothing is installed for the user.
#
# DJLFIT_NOTEBOOK_STEPS: SGD steps per training (default here 3000, to keep CI short; the
# notebooks on their own default to the article's 100000).
#
# Known trap: about one kernel start in ten never answers its first request (the kernel's shell
# thread can receive a message before its handlers exist). Such a start, and only such a start,
# is retried, at most ATTEMPTS times; a failing cell fails the run at once.
set -euo pipefail
cd "$(dirname "$0")/.."

KERNEL_ARTIFACT=io.github.padreati:rapaio-jupyter-kernel:3.0.1
KERNEL_NAME=rapaio-jupyter-kernel
DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
ATTEMPTS=5
STARTUP_TIMEOUT_S=30
CELL_TIMEOUT_S=3600
OUT=target/notebooks
export DJLFIT_NOTEBOOK_STEPS="${DJLFIT_NOTEBOOK_STEPS:-3000}"

if ! jupyter nbconvert --version >/dev/null 2>&1; then
    echo "run-notebooks: jupyter nbconvert not found; install it: apt-get install -y --no-install-recommends jupyter-nbconvert" >&2
    exit 2
fi
JAVA="$(command -v java)" || { echo "run-notebooks: java not found on PATH" >&2; exit 2; }

if [ "$#" -gt 0 ]; then
    notebooks=("$@")
else
    notebooks=(notebooks/*.ipynb)
fi

# What the notebooks' first cell loads: target/classes and the runtime jars in target/dependency.
rm -rf target/dependency
mvn -q -B compile "$DEPENDENCY_PLUGIN:copy-dependencies" -DincludeScope=runtime -DoutputDirectory=target/dependency
mvn -q -B "$DEPENDENCY_PLUGIN:copy" -Dartifact="$KERNEL_ARTIFACT" -DoutputDirectory=target/jupyter-kernel
kernel_jar="$(ls "$PWD"/target/jupyter-kernel/rapaio-jupyter-kernel-*.jar)"

jupyter_dir="$(mktemp -d)"
trap 'rm -rf "$jupyter_dir"' EXIT
mkdir -p "$jupyter_dir/kernels/$KERNEL_NAME" "$jupyter_dir/runtime"
cat > "$jupyter_dir/kernels/$KERNEL_NAME/kernel.json" <<EOF
{
  "argv": ["$JAVA", "-jar", "$kernel_jar", "{connection_file}"],
  "display_name": "Java (rapaio-jupyter-kernel)",
  "language": "java",
  "interrupt_mode": "message",
  "env": {"RJK_TIMEOUT_MILLIS": "-1"}
}
EOF
export JUPYTER_PATH="$jupyter_dir" JUPYTER_RUNTIME_DIR="$jupyter_dir/runtime"

mkdir -p "$OUT"
echo "run-notebooks: ${#notebooks[@]} notebook(s), $DJLFIT_NOTEBOOK_STEPS steps per training, executed copies in $OUT/"
all_start=$(date +%s)
for notebook in "${notebooks[@]}"; do
    name="$(basename "$notebook" .ipynb)"
    log="$OUT/$name.log"
    for attempt in $(seq 1 "$ATTEMPTS"); do
        start=$(date +%s)
        if jupyter nbconvert --to notebook --execute \
                --ExecutePreprocessor.kernel_name="$KERNEL_NAME" \
                --ExecutePreprocessor.startup_timeout="$STARTUP_TIMEOUT_S" \
                --ExecutePreprocessor.timeout="$CELL_TIMEOUT_S" \
                --output-dir "$OUT" "$notebook" >"$log" 2>&1; then
            echo "run-notebooks: $name: ok in $(( $(date +%s) - start )) s"
            continue 2
        fi
        # Both messages come from nbclient's wait for the kernel's first answer, before any cell runs.
        if grep -qE "Kernel didn't respond in|Kernel died before replying to kernel_info" "$log" \
                && ! grep -q "CellExecutionError" "$log"; then
            echo "run-notebooks: $name: the kernel did not answer its first request (start $attempt of $ATTEMPTS)"
            continue
        fi
        echo "run-notebooks: $name: FAILED after $(( $(date +%s) - start )) s; full log: $log" >&2
        # The kernel logs every message it handles; show nbconvert's error without that noise.
        grep -vE '^\[[0-9]{4}-[0-9]{2}-[0-9]{2} ' "$log" | sed -n '/CellExecutionError\|Error/,$p' | tail -n 60 >&2
        exit 1
    done
    echo "run-notebooks: $name: FAILED: the kernel did not answer its first request in $ATTEMPTS starts; log: $log" >&2
    exit 1
done
echo "run-notebooks: all ${#notebooks[@]} notebook(s) ran in $(( $(date +%s) - all_start )) s"
