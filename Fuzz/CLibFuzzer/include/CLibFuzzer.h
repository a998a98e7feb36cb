#ifndef GRANTS_CLIBFUZZER_H
#define GRANTS_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for a program with its own main (libclang_rt.fuzzer_no_main, linked only by
/// scripts/fuzz.sh): parses libFuzzer's flags from argv and runs `callback` on each input.
/// Declared here rather than with @_silgen_name so that Swift calls it with the C calling convention.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
