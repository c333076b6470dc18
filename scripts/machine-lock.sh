# Sourced by the measuring scripts. With LOCK=FILE set, each timed run holds an exclusive
# flock(1) on FILE and leaves a gap of LOCK_GAP seconds (default 20) after it, so other work
# that takes the same lock (`flock FILE swift build`) runs between measurements, never during
# one. Without LOCK both functions do nothing.
lock_machine() { [ -n "${LOCK:-}" ] || return 0; exec 9>>"$LOCK"; flock 9; }
unlock_machine() { [ -n "${LOCK:-}" ] || return 0; flock -u 9; exec 9>&-; sleep "${LOCK_GAP:-20}"; }
