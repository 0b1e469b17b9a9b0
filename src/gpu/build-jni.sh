#!/usr/bin/env bash
# Builds DJL's PyTorch JNI library (libdjl_torch.so) against a libtorch that is already installed
# (a pip or conda PyTorch, or a libtorch zip), puts it where DJL looks for it, and prints the
# environment that makes DJL load that libtorch instead of the one in the pytorch-native jar.
#
#   bash src/gpu/build-jni.sh [--torch DIR] [--djl-src DIR] [--work DIR] [--jobs N] [--env-only]
#
#   --torch DIR    the folder holding lib/libtorch.so and include/: pip's site-packages/torch, or an
#                  unpacked libtorch zip. Default: asked of $PY (python3) with `import torch`.
#   --djl-src DIR  DJL's sources: a git clone or mirror of github.com/deepjavalibrary/djl that has
#                  the tag v<DJL version>, or a source tree at that version. Default: a shallow
#                  clone of that tag from GitHub into the work folder.
#   --work DIR     where the sources are copied and compiled (default: target/djl-jni).
#   --jobs N       parallel compilations (default: the number of cores).
#   --env-only     build nothing: check that the JNI for this libtorch is in place, print the exports.
#
# Needs a C++17 compiler (g++ or clang++), make, and a JDK (javac writes the JNI header, and its
# include/ holds jni.h). Environment read: PY, CXX, CXXSTD (17), DJL_VERSION (default: the pom's
# djl.version), PYTORCH_VERSION and PYTORCH_FLAVOR (default: read from the library),
# TORCH_CXX11_ABI (default: read from libc10.so), DJL_CACHE_DIR / ENGINE_CACHE_DIR (as DJL reads them).
#
# Where the result goes (DJL 0.33's ai.djl.pytorch.jni.LibUtils): with PYTORCH_LIBRARY_PATH set,
# findOverrideLibrary takes the libtorch in that folder, with the version PYTORCH_VERSION and the
# flavour PYTORCH_FLAVOR; findJniLibrary then looks for <DJL version>-libdjl_torch.so in that
# folder, and next in <engine cache>/pytorch/<version>-<flavour>-<os>-<arch>/. This script writes
# the second, so the installed PyTorch is left untouched.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TORCH_DIR=${TORCH_DIR:-}
DJL_SRC=${DJL_SRC:-}
WORK=$REPO/target/djl-jni
JOBS=$(nproc 2>/dev/null || echo 2)
ENV_ONLY=0
while [ $# -gt 0 ]; do
  case $1 in
    --torch) TORCH_DIR=$2; shift 2 ;;
    --djl-src) DJL_SRC=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --jobs) JOBS=$2; shift 2 ;;
    --env-only) ENV_ONLY=1; shift ;;
    -h|--help) sed -n '2,26p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-jni.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
die() { echo "build-jni.sh: $*" >&2; exit 1; }
step() { echo "== $*"; }

# ---- 1. the libtorch: where it is, its version, flavour and C++ ABI
if [ -z "$TORCH_DIR" ]; then
  PY=${PY:-python3}
  TORCH_DIR=$("$PY" -c 'import os, torch; print(os.path.dirname(torch.__file__))' 2>/dev/null) \
    || die "$PY cannot import torch: give the folder with --torch DIR (it holds lib/libtorch.so)"
fi
[ -d "$TORCH_DIR" ] || die "no folder $TORCH_DIR"
TORCH_DIR=$(cd "$TORCH_DIR" && pwd)
LIB=$TORCH_DIR/lib
[ -e "$LIB/libtorch.so" ] || die "no lib/libtorch.so in $TORCH_DIR"
[ -d "$TORCH_DIR/include/torch/csrc/api/include" ] \
  || die "no include/torch/csrc/api/include in $TORCH_DIR: this PyTorch ships no C++ headers"

# pip and conda write torch/version.py: __version__ = '2.5.1+cu124' and cuda = '12.4' (or None;
# newer ones annotate it, cuda: Optional[str] = '12.4'); a libtorch zip has build-version (2.5.1+cu124).
FULL_VERSION= CUDA=
if [ -f "$TORCH_DIR/version.py" ]; then
  FULL_VERSION=$(sed -n -E "s/^__version__ *(:[^=]*)?= *['\"]([^'\"]*)['\"].*/\2/p" "$TORCH_DIR/version.py")
  CUDA=$(sed -n -E "s/^cuda *(:[^=]*)?= *['\"]([0-9.]+)['\"].*/\2/p" "$TORCH_DIR/version.py")
elif [ -f "$TORCH_DIR/build-version" ]; then
  FULL_VERSION=$(head -1 "$TORCH_DIR/build-version")
fi
VERSION=${PYTORCH_VERSION:-${FULL_VERSION%%+*}}
[ -n "$VERSION" ] || die "cannot tell the version of $TORCH_DIR (no version.py, no build-version): set PYTORCH_VERSION"
HAS_CUDA=0
[ -e "$LIB/libtorch_cuda.so" ] && HAS_CUDA=1
if [ -n "${PYTORCH_FLAVOR:-}" ]; then
  FLAVOR=$PYTORCH_FLAVOR
elif [ -n "$CUDA" ]; then
  FLAVOR=cu$(echo "$CUDA" | awk -F. '{ printf "%d%d", $1, $2 }')
elif [[ $FULL_VERSION == *+cu* ]]; then
  FLAVOR=${FULL_VERSION##*+}
elif [ "$HAS_CUDA" = 1 ]; then
  die "$LIB has libtorch_cuda.so but no CUDA version is recorded: set PYTORCH_FLAVOR (e.g. cu124)"
else
  FLAVOR=cpu
fi
if [[ $FLAVOR == cu* ]] && [ "$HAS_CUDA" = 0 ]; then
  die "flavour $FLAVOR, but $LIB has no libtorch_cuda.so: this libtorch is CPU-only"
fi
if [ -z "${TORCH_CXX11_ABI:-}" ]; then
  # the new ABI mangles std::string as std::__cxx11::basic_string, and c10 exports many of those
  # (counted, not grep -q: under pipefail an early exit of grep would fail the pipe)
  if [ "$(nm -D "$LIB/libc10.so" 2>/dev/null | grep -c '__cxx11' || true)" -gt 0 ]; then
    TORCH_CXX11_ABI=1
  else
    TORCH_CXX11_ABI=0
  fi
fi
step "libtorch $VERSION ($FLAVOR, C++11 ABI $TORCH_CXX11_ABI) in $TORCH_DIR"

# Where DJL 0.33 looks (see the header): <engine cache>/pytorch/<version>-<flavour>-linux-<arch>/
DJL_VERSION=${DJL_VERSION:-$(sed -n 's:.*<djl.version>\(.*\)</djl.version>.*:\1:p' "$REPO/pom.xml")}
[ -n "$DJL_VERSION" ] || die "cannot read djl.version from $REPO/pom.xml: set DJL_VERSION"
CACHE=${ENGINE_CACHE_DIR:-${DJL_CACHE_DIR:-$HOME/.djl.ai}}
case $(uname -m) in x86_64|amd64) ARCH=x86_64 ;; aarch64|arm64) ARCH=aarch64 ;; *) ARCH=$(uname -m) ;; esac
TARGET=$CACHE/pytorch/$VERSION-$FLAVOR-linux-$ARCH/$DJL_VERSION-libdjl_torch.so

if [ "$ENV_ONLY" = 0 ]; then
# ---- 2. the toolchain
CXX=${CXX:-$(command -v g++ || command -v c++ || command -v clang++ || true)}
[ -n "$CXX" ] || die "no C++ compiler (g++, c++ or clang++): install one or set CXX"
command -v make >/dev/null || die "no make"
JAVAC=$(command -v javac || true)
[ -n "$JAVAC" ] || die "no javac: a JDK writes the JNI header and holds jni.h"
JDK=$(dirname "$(dirname "$(readlink -f "$JAVAC")")")
[ -f "$JDK/include/jni.h" ] || die "no include/jni.h in $JDK"
TAG=v$DJL_VERSION

# ---- 3. DJL's JNI sources at the tag of the engine in use, and the JNI header
SRC=$WORK/djl-$DJL_VERSION
PARTS="api/src/main/native engines/pytorch/pytorch-native/src/main/native engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni"
if [ ! -d "$SRC/engines/pytorch/pytorch-native/src/main/native" ]; then
  mkdir -p "$WORK"
  rm -rf "$SRC.tmp" && mkdir -p "$SRC.tmp"
  if [ -z "$DJL_SRC" ]; then
    step "cloning DJL $TAG from GitHub"
    git clone -q --depth 1 --branch "$TAG" https://github.com/deepjavalibrary/djl "$SRC.tmp/clone"
    DJL_SRC=$SRC.tmp/clone
  fi
  if git -C "$DJL_SRC" rev-parse -q --verify "refs/tags/$TAG" >/dev/null 2>&1; then
    step "DJL sources: $TAG of $DJL_SRC"
    # shellcheck disable=SC2086
    git -C "$DJL_SRC" archive "$TAG" $PARTS | tar -x -C "$SRC.tmp"
  else
    # a plain source tree: trust it only if it says it is this version
    grep -q "^djl = \"$DJL_VERSION\"" "$DJL_SRC/gradle/libs.versions.toml" 2>/dev/null \
      || die "$DJL_SRC is neither a git repository with tag $TAG nor a DJL $DJL_VERSION source tree"
    step "DJL sources: $DJL_SRC"
    for p in $PARTS; do mkdir -p "$SRC.tmp/$(dirname "$p")" && cp -r "$DJL_SRC/$p" "$SRC.tmp/$p"; done
  fi
  rm -rf "$SRC.tmp/clone" "$SRC" && mv "$SRC.tmp" "$SRC"
fi
NATIVE=$SRC/engines/pytorch/pytorch-native/src/main/native
HEADERS=$SRC/jni-header
if [ ! -f "$HEADERS/ai_djl_pytorch_jni_PyTorchLibrary.h" ]; then
  step "JNI header from PyTorchLibrary.java"
  "$JAVAC" -h "$HEADERS" -d "$SRC/classes" \
    "$SRC/engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni/PyTorchLibrary.java"
fi

# ---- 4. compile, in a build folder of its own for this libtorch
BUILD=$WORK/build-$VERSION-$FLAVOR
# the sources are edited (below) in a staging copy, then copied into src/ only where they differ,
# so that make recompiles only what changed
rm -rf "$BUILD/staged" && mkdir -p "$BUILD/staged" "$BUILD/src"
cp "$NATIVE"/* "$BUILD/staged/"
DEFINES=
case $VERSION in
  1.13.*|2.0.*|2.1.*) DEFINES=-DV1_13_X ;;  # as DJL's build.sh: these lack a few newer calls
  1.*|2.[2-3].*) ;;
  *)  # 2.4 and later (not tried against this script yet): c10::optional became std::optional
      # and the c10 spelling may be gone; torch::AutoNonVariableTypeMode is deprecated since 1.10.
      sed -i -e 's/c10::optional</std::optional</g' -e 's/c10::nullopt/std::nullopt/g' \
             -e 's/torch::nullopt/std::nullopt/g' -e 's/c10::make_optional/std::make_optional/g' \
             -e 's/torch::AutoNonVariableTypeMode guard;/at::AutoDispatchBelowADInplaceOrView guard;/' \
             "$BUILD"/staged/*.cc "$BUILD"/staged/*.h ;;
esac
for f in "$BUILD"/staged/*; do
  cmp -s "$f" "$BUILD/src/$(basename "$f")" || cp "$f" "$BUILD/src/"
done
rm -rf "$BUILD/staged"
# DJL's CMakeLists adds USE_CUDA for CUDA builds; it only turns on cudaEmptyCache and a separate
# CUDA stream for TorchScript inference, and needs CUDA's own headers, so it is left out here.
CXXSTD=${CXXSTD:-17}
{
  echo "CXX := $CXX"
  echo "CXXFLAGS := -O2 -fPIC -std=c++$CXXSTD -D_GLIBCXX_USE_CXX11_ABI=$TORCH_CXX11_ABI $DEFINES"
  echo "INCLUDES := -I$SRC/api/src/main/native -I$HEADERS -I$JDK/include -I$JDK/include/linux -isystem $TORCH_DIR/include -isystem $TORCH_DIR/include/torch/csrc/api/include"
  # --no-undefined: a symbol this libtorch does not export fails here, not at the first call
  echo "LDFLAGS := -shared -L$LIB -Wl,--no-as-needed -ltorch -ltorch_cpu -lc10 -Wl,--no-undefined -Wl,-rpath,$LIB"
  echo "OBJECTS := \$(patsubst src/%.cc,obj/%.o,\$(wildcard src/*.cc))"
  echo "libdjl_torch.so: \$(OBJECTS)"
  printf '\t$(CXX) -o $@ $^ $(LDFLAGS)\n'
  echo "obj/%.o: src/%.cc \$(wildcard src/*.h)"
  printf '\t@mkdir -p obj\n\t$(CXX) $(CXXFLAGS) $(INCLUDES) -c $< -o $@\n'
} > "$BUILD/Makefile.new"
# other flags, other objects
cmp -s "$BUILD/Makefile.new" "$BUILD/Makefile" || rm -rf "$BUILD/obj" "$BUILD/libdjl_torch.so"
mv "$BUILD/Makefile.new" "$BUILD/Makefile"
step "make in $BUILD ($(ls "$BUILD"/src/*.cc | wc -l) sources, $JOBS at a time, $CXX; only what changed)"
if ! make -s -C "$BUILD" -j "$JOBS" > "$BUILD/make.log" 2>&1; then
  grep -m 20 -E 'error|undefined' "$BUILD/make.log" >&2 || tail -20 "$BUILD/make.log" >&2
  grep -q 'C++20\|c++20' "$BUILD/make.log" && echo "build-jni.sh: these headers want C++20: rerun with CXXSTD=20" >&2
  die "the build failed; the whole log is $BUILD/make.log"
fi

# ---- 5. where DJL looks for it
mkdir -p "$(dirname "$TARGET")"
cp "$BUILD/libdjl_torch.so" "$TARGET.tmp" && mv "$TARGET.tmp" "$TARGET"
step "installed $TARGET"
else
  [ -f "$TARGET" ] || die "no $TARGET yet: run this without --env-only to build it"
  step "found $TARGET"
fi

# DJL loads every library in PYTORCH_LIBRARY_PATH; pip wheels carry a few test libraries that
# need not load, so they are excluded where present.
EXCLUDE=
for t in libtorchbind_test.so libjitbackend_test.so libbackend_with_compiler.so libaoti_custom_ops.so; do
  [ -e "$LIB/$t" ] && EXCLUDE=${EXCLUDE:+$EXCLUDE,}$t
done
echo
echo "# export these, then run djl-fit as usual (java -jar target/djl-fit.jar ..., or mvn exec:java):"
echo "export PYTORCH_LIBRARY_PATH=$LIB"
echo "export PYTORCH_VERSION=$VERSION"
echo "export PYTORCH_FLAVOR=$FLAVOR"
if [ -n "${ENGINE_CACHE_DIR:-}" ]; then echo "export ENGINE_CACHE_DIR=$ENGINE_CACHE_DIR"
elif [ -n "${DJL_CACHE_DIR:-}" ]; then echo "export DJL_CACHE_DIR=$DJL_CACHE_DIR"; fi
[ -n "$EXCLUDE" ] && echo "export PYTORCH_LIBRARY_EXCLUSION=$EXCLUDE"
if [ "$HAS_CUDA" = 1 ]; then
  # DJL counts GPUs through JNA's libcudart; pip's CUDA wheels carry only a versioned libcudart.so.NN
  CUDART=$(find "$(dirname "$TORCH_DIR")/nvidia" -name 'libcudart.so*' 2>/dev/null | head -1)
  [ -n "$CUDART" ] && echo "export JAVA_TOOL_OPTIONS=-Djna.library.path=$(dirname "$CUDART")"
fi
exit 0
