// Text from input files (file names, values quoted in error messages, warnings) on its way to a JSON, CSV
// or XLSX writer or to the terminal: made valid UTF-8 and printable, so one stray byte can neither make
// a writer throw ("invalid UTF-8 byte") nor send an escape sequence to the user's terminal.
#pragma once

#include <string>
#include <string_view>

namespace semitco::core {

/// `s` with every valid, printable UTF-8 sequence kept and everything else escaped: bytes that are not
/// valid UTF-8 as \xNN, control characters (C0, DEL, C1) as \n, \r, \t or \xNN / \u{NN}. The result is
/// valid UTF-8 without control characters. Idempotent on text it produced only when `s` has no "\x".
std::string printable(std::string_view s);

/// True when `s` is valid UTF-8 without control characters (what printable() returns unchanged).
bool is_printable(std::string_view s);

/// What a file of this st_mode is, in words for a message: "a symbolic link", "a directory", "a character
/// device", "a block device", "a named pipe (FIFO)", "a socket", or "not a regular file".
const char* file_kind_words(unsigned mode);

}  // namespace semitco::core
