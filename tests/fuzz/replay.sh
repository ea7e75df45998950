#!/bin/sh
# replay.sh: runs every seed file of tests/fuzz/corpus/NAME/ through its
# fuzz target tests/fuzz/fuzz_NAME, one TAP test per file, so that inputs
# that once broke folio stay fixed.  The targets are the standalone
# replayers (main.c), or the libFuzzer binaries with --enable-fuzzing (given
# files, libFuzzer runs each once).  Set by make check:
#   FUZZ_TARGETS  the targets (tests/fuzz/fuzz_NAME ...), in the build tree
#   FUZZ_CORPUS    the corpus directory, in the source tree
set -u
: "${FUZZ_TARGETS:?}" "${FUZZ_CORPUS:?}"
builddir=${FUZZ_BUILDDIR:-.}
log=${TMPDIR:-/tmp}/folio-replay.$$
trap 'rm -f "$log"' EXIT
limit=
command -v timeout >/dev/null 2>&1 && limit="timeout -k 5 60"

# The plan: one test per seed file, one per target without seeds, one per
# corpus directory without a target.
count=0
for prog in $FUZZ_TARGETS; do
	name=${prog##*/fuzz_}
	n=$(find "$FUZZ_CORPUS/$name" -type f 2>/dev/null | wc -l)
	[ "$n" -gt 0 ] || n=1
	count=$((count + n))
done
for dir in "$FUZZ_CORPUS"/*/; do
	name=$(basename "$dir")
	case " $FUZZ_TARGETS " in
	*"/fuzz_$name "*) ;;
	*) count=$((count + 1)) ;;
	esac
done
echo "1..$count"

i=0
for prog in $FUZZ_TARGETS; do
	name=${prog##*/fuzz_}
	files=$(find "$FUZZ_CORPUS/$name" -type f 2>/dev/null | LC_ALL=C sort)
	if [ -z "$files" ]; then
		i=$((i + 1))
		echo "not ok $i - $name: no seed files in $FUZZ_CORPUS/$name"
		continue
	fi
	for f in $files; do
		i=$((i + 1))
		if $limit "$builddir/$prog" "$f" >"$log" 2>&1; then
			echo "ok $i - $name/${f##*/}"
		else
			echo "not ok $i - $name/${f##*/}"
			sed 's/^/# /' "$log" | head -40
		fi
	done
done
for dir in "$FUZZ_CORPUS"/*/; do
	name=$(basename "$dir")
	case " $FUZZ_TARGETS " in
	*"/fuzz_$name "*) ;;
	*) i=$((i + 1))
	   echo "not ok $i - corpus/$name has no target tests/fuzz/fuzz_$name" ;;
	esac
done
