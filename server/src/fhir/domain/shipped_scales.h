// Test support: the repository's shipped scale library, loaded once.
#pragma once

#include <gtest/gtest.h>

#include "assess/domain/scale_library.h"
#include "testing/scales_dir.h"

namespace xinan::fhir::testing {

inline const assess::ScaleLibrary& ShippedScales() {
  static const assess::ScaleLibrary lib = [] {
    auto l = assess::ScaleLibrary::LoadDirectory(xinan::testing::ScalesDir());
    EXPECT_TRUE(l.ok()) << l.status().detail();
    return l.ok() ? std::move(l).value() : assess::ScaleLibrary();
  }();
  return lib;
}

}  // namespace xinan::fhir::testing
