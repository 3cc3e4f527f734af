#!/bin/sh
# Install what the R Markdown peer benchmark (../shared/peers/rmd, run by bench/report.sh) needs:
# R, rmarkdown, ggplot2 and pandoc from Debian's packages. Only the benchmark needs these; building
# and testing telling does not. As root it installs them; otherwise it prints the command and exits 1.
set -eu
PKGS="r-base-core r-cran-rmarkdown r-cran-ggplot2 pandoc"

missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
	exit 0
fi
if [ "$(id -u)" != 0 ]; then
	echo "peer-setup: the R Markdown peer needs:$missing" >&2
	echo "peer-setup: run as root:  apt-get install -y$missing" >&2
	exit 1
fi
echo "peer-setup: installing$missing (R, rmarkdown, ggplot2, pandoc; a few minutes)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq $missing >/dev/null
