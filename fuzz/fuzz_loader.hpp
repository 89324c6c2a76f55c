// Shared body of the JSON loader fuzz targets: bytes -> parse_json_text (size and depth limits) ->
// loader. Only core::InputError may escape; anything else (another exception, a crash, a sanitizer
// report, a leak) is a finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "app/core/json_params.hpp"

template <class Loader>
int semitco_fuzz_loader(const std::uint8_t* data, std::size_t size, Loader&& load) {
  try {
    const nlohmann::json j =
        semitco::core::parse_json_text(std::string(reinterpret_cast<const char*>(data), size), "fuzz.json");
    load(j);
  } catch (const semitco::core::InputError&) {
  }
  return 0;
}
