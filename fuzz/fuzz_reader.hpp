// Shared body of the libFuzzer targets: bytes -> std::istream -> reader. Only RouteError may escape
// the reader; anything else (another exception, a crash, a sanitizer report) is a finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "routes/readers.hpp"

template <class Reader>
int semitco_fuzz_one(const std::uint8_t* data, std::size_t size, Reader&& read) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    (void)read(in);
  } catch (const semitco::routes::RouteError&) {
  }
  return 0;
}
