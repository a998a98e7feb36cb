// Only a declaration lives in this target (include/CLibFuzzer.h); SwiftPM needs a source file to build it.
