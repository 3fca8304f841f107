// QR codes for self-assessment links as PNG (libqrencode + libpng): for posters, slides and
// WeChat messages where an SVG will not do.
#pragma once

#include <string>

#include "common/result.h"

namespace xinan::assess {

// A greyscale PNG of `text` as a QR code (level M, 4-module quiet zone), `scale` pixels per
// module (1..32). Fails when the text is too long for a QR code.
Result<std::string> QrPng(const std::string& text, int scale = 8);

}  // namespace xinan::assess
