#!/usr/bin/env bash
# A fake docker CLI for the docker runner's tests: it records every call in $STATE/calls.log (one
# line, arguments separated by spaces) and plays the engine with real processes. "run" records
# the container (name, labels, pid) and execs the command after the image on this host, so the
# "container" is a real server on a real port; "ps -aq --filter label=K=V ..." lists the recorded
# containers that carry every label; "rm -f NAME..." SIGKILLs each container's process group and
# forgets it. An image named "missing/image" fails as docker does when it cannot pull (exit 125).
STATE='@STATE@'
mkdir -p "$STATE/containers"
printf '%s\n' "$*" >> "$STATE/calls.log"
command="$1"
shift
case "$command" in
  run)
    name=""
    labels=()
    envs=()
    while [ $# -gt 0 ]; do
      case "$1" in
        --name) name="$2"; shift 2 ;;
        --label) labels+=("$2"); shift 2 ;;
        -e) envs+=("$2"); shift 2 ;;
        --gpus|-p) shift 2 ;;
        -*) shift ;;
        *) break ;;
      esac
    done
    image="$1"
    shift
    if [ "$image" = "missing/image" ]; then
      echo "Unable to find image 'missing/image:latest' locally" >&2
      echo "docker: Error response from daemon: pull access denied for missing/image." >&2
      exit 125
    fi
    printf '%s\n' "${labels[@]}" > "$STATE/containers/$name.labels"
    echo $$ > "$STATE/containers/$name.pid"
    for e in "${envs[@]}"; do export "$e"; done
    exec "$@"
    ;;
  ps)
    filters=()
    while [ $# -gt 0 ]; do
      case "$1" in
        --filter) filters+=("${2#label=}"); shift 2 ;;
        *) shift ;;
      esac
    done
    for file in "$STATE"/containers/*.labels; do
      [ -e "$file" ] || continue
      match=1
      for want in "${filters[@]}"; do
        grep -qxF "$want" "$file" || match=0
      done
      if [ "$match" = 1 ]; then basename "$file" .labels; fi
    done
    ;;
  rm)
    [ "$1" = "-f" ] && shift
    status=0
    for name in "$@"; do
      if [ -e "$STATE/containers/$name.pid" ]; then
        pid="$(cat "$STATE/containers/$name.pid")"
        kill -9 -- "-$pid" 2>/dev/null || kill -9 "$pid" 2>/dev/null
        rm -f "$STATE/containers/$name.pid" "$STATE/containers/$name.labels"
        echo "$name"
      else
        echo "Error response from daemon: No such container: $name" >&2
        status=1
      fi
    done
    exit "$status"
    ;;
  *)
    echo "fake docker: unknown command $command" >&2
    exit 1
    ;;
esac
