#include "assess/domain/qr_svg.h"

#include <qrencode.h>

#include <memory>
#include <sstream>

namespace xinan::assess {
namespace {

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

Result<std::string> QrSvg(const std::string& text, const std::string& caption) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
      QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
  if (!qr) return Status::Invalid("qr_too_long", {}, "text too long for a QR code");
  const int n = qr->width, quiet = 4, size = n + 2 * quiet;
  const int caption_h = caption.empty() ? 0 : 6;
  std::ostringstream o;
  o << "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << size << ' ' << size + caption_h
    << "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"";
  for (int y = 0; y < n; ++y) {
    for (int x = 0; x < n; ++x) {
      if (qr->data[y * n + x] & 1) o << 'M' << x + quiet << ',' << y + quiet << "h1v1h-1z";
    }
  }
  o << "\" fill=\"#000\"/>";
  if (!caption.empty()) {
    o << "<text x=\"" << size / 2.0 << "\" y=\"" << size + 3 << "\" font-size=\"2.4\" text-anchor=\"middle\">"
      << Escape(caption) << "</text>";
  }
  o << "</svg>";
  return o.str();
}

}  // namespace xinan::assess
