#!/usr/bin/env bash
# Installs, with apt-get, the Debian 12 packages vkrl needs to build, test and run, and only those that are missing,
# so a second run installs nothing. Sourced or run by ./run.sh and ./test.sh. Needs root (or sudo) to install.
# usage: install-deps.sh [--peers]
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build ccache pkg-config git
  # Vulkan: headers and loader, lavapipe (software device), validation layers, vulkaninfo
  libvulkan-dev mesa-vulkan-drivers vulkan-validationlayers vulkan-tools
  # shaders: GLSL -> SPIR-V compiler, spirv-val
  glslang-tools glslang-dev spirv-tools
  # libraries
  zlib1g-dev libzstd-dev libsdl2-dev libeigen3-dev catch2 libcli11-dev nlohmann-json3-dev libfmt-dev libtomlplusplus-dev libstb-dev
  # MinAtar's Python games (../shared/peers/MinAtar), played by the tests and benchmarks beside vkrl's
  python3 python3-numpy
  # data: Fashion-MNIST for the course's image classifiers (vkrl experiment fashion-*, optimizers)
  dataset-fashion-mnist
  # data: Spanish quotations for the character-level LSTM (vkrl experiment charlstm)
  fortunes-es
  # support vector regression for the electricity-forecast experiment (vkrl experiment electricity)
  libsvm-dev
)

# --peers adds what the benchmarks measure vkrl against: PyTorch with OpenBLAS (bench nn, bench dqn) and GNU Go.
if [ "${1:-}" = "--peers" ]; then
  packages+=(python3-torch libopenblas0-pthread gnugo)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: missing packages and not root: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
