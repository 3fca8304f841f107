// QR codes for self-assessment links, as SVG (libqrencode): printable at any size.
#pragma once

#include <string>

#include "common/result.h"

namespace xinan::assess {

// An SVG of `text` as a QR code (error correction level M, 4-module quiet zone), optionally
// with a caption under it (the unit's name and hotline for a poster). Fails only when the text
// is too long for a QR code.
Result<std::string> QrSvg(const std::string& text, const std::string& caption = "");

}  // namespace xinan::assess
