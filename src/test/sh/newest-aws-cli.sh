#!/usr/bin/env bash
# Installs the newest AWS CLI (v2) and boto3 a package registry has: Debian unstable's, which follow the upstream
# releases, so they no longer know RoboMaker. They go into a Debian root of their own under DIR (debootstrap, which
# checks the archive's signature), and DIR/bin/aws and DIR/bin/python3 run them on this machine, with that root's own
# Python and libraries, on this machine's files and network (no chroot, so file:// paths and HOME are the caller's).
# Needs root and debootstrap to install; running them does not. Reuses an install younger than a week.
#
#   src/test/sh/newest-aws-cli.sh DIR    # prints the CLI's and boto3's versions
set -euo pipefail
dir=$(realpath -m "${1:?usage: newest-aws-cli.sh DIR}")
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

if [ -z "$(find "$dir/installed" -mtime -7 2>/dev/null)" ]; then
  command -v debootstrap >/dev/null || { echo "newest-aws-cli: debootstrap is not installed" >&2; exit 3; }
  [ "$(id -u)" = 0 ] || { echo "newest-aws-cli: installing needs root (debootstrap)" >&2; exit 3; }
  rm -rf "$dir" && mkdir -p "$dir/bin"
  debootstrap --variant=minbase --include=awscli,python3-boto3 unstable "$dir/root" "$mirror" \
    > "$dir/debootstrap.log" 2>&1 || { tail -20 "$dir/debootstrap.log" >&2; exit 1; }
  python=$(readlink -f "$dir/root/usr/bin/python3")
  for tool in aws python3; do
    script=; [ "$tool" = aws ] && script='"$root/usr/bin/aws"'
    cat > "$dir/bin/$tool" <<WRAPPER
#!/bin/sh
# $tool from Debian unstable, with that root's loader, libraries and Python ($(basename "$python"))
root='$dir/root'
PYTHONHOME="\$root/usr" exec "\$root/lib64/ld-linux-x86-64.so.2" --library-path "\$root/usr/lib/x86_64-linux-gnu" \\
  "\$root${python#"$dir/root"}" $script "\$@"
WRAPPER
    chmod 755 "$dir/bin/$tool"
  done
  touch "$dir/installed"
fi
"$dir/bin/aws" --version
"$dir/bin/python3" -c 'import boto3, botocore; print("boto3/" + boto3.__version__, "botocore/" + botocore.__version__)'
