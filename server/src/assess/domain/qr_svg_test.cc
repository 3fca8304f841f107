// QR SVG: the module count matches the QR version libqrencode chose, and captions are escaped.
#include <gtest/gtest.h>
#include <qrencode.h>

#include "assess/domain/qr_svg.h"

namespace xinan::assess {
namespace {

TEST(QrSvg, DrawsEveryDarkModuleAndEscapesTheCaption) {
  std::string url = "http://127.0.0.1:8080/s/330499001001?scale=phq9";
  auto svg = QrSvg(url, "东湖村 <心理自评> & 热线");
  ASSERT_TRUE(svg.ok());
  QRcode* qr = QRcode_encodeString8bit(url.c_str(), 0, QR_ECLEVEL_M);
  int dark = 0;
  for (int i = 0; i < qr->width * qr->width; ++i) dark += qr->data[i] & 1;
  std::string view = "viewBox=\"0 0 " + std::to_string(qr->width + 8);
  QRcode_free(qr);
  size_t modules = 0;
  for (size_t p = svg->find("h1v1h-1z"); p != std::string::npos; p = svg->find("h1v1h-1z", p + 1)) ++modules;
  EXPECT_EQ(modules, static_cast<size_t>(dark));
  EXPECT_NE(svg->find(view), std::string::npos);
  EXPECT_NE(svg->find("&lt;心理自评&gt; &amp; 热线"), std::string::npos);
  EXPECT_EQ(svg->find("<心理自评>"), std::string::npos);
  EXPECT_FALSE(QrSvg(std::string(8000, 'x')).ok());
}

}  // namespace
}  // namespace xinan::assess
