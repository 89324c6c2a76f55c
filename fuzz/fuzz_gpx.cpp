// libFuzzer target: arbitrary bytes through semitco::routes::read_gpx (stream overload).
#include "fuzz_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return semitco_fuzz_one(data, size, [](std::istream& in) { return semitco::routes::read_gpx(in, "fuzz.gpx"); });
}
