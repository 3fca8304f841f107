#include "common/clock.h"

#include <chrono>

namespace xinan {
namespace {
constexpr int64_t kShanghaiOffsetMillis = 8LL * 3600 * 1000;

// The Asia/Shanghai calendar fields of an instant (floor division, so instants before 1970
// work too). Formatting by hand: snprintf was ~3 % of a list request's CPU.
struct Civil {
  int year, month, day, hour, minute, second, millis;
};

Civil ShanghaiCivil(int64_t millis) {
  using namespace std::chrono;
  sys_time<milliseconds> t{milliseconds{millis + kShanghaiOffsetMillis}};
  sys_days day = floor<days>(t);
  year_month_day ymd{day};
  hh_mm_ss<milliseconds> hms{t - day};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day())), static_cast<int>(hms.hours().count()),
          static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()),
          static_cast<int>(hms.subseconds().count())};
}

// Writes v as exactly `width` decimal digits, zero-padded.
char* Digits(char* out, int v, int width) {
  for (int i = width - 1; i >= 0; --i, v /= 10) out[i] = static_cast<char>('0' + v % 10);
  return out + width;
}

char* DatePart(char* p, const Civil& c) {
  p = Digits(p, c.year, 4);
  *p++ = '-';
  p = Digits(p, c.month, 2);
  *p++ = '-';
  return Digits(p, c.day, 2);
}
}  // namespace

int64_t SystemClock::NowMillis() const {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string FormatInstant(int64_t millis) {
  Civil c = ShanghaiCivil(millis);
  char buf[32];
  char* p = DatePart(buf, c);
  *p++ = 'T';
  p = Digits(p, c.hour, 2);
  *p++ = ':';
  p = Digits(p, c.minute, 2);
  *p++ = ':';
  p = Digits(p, c.second, 2);
  *p++ = '.';
  p = Digits(p, c.millis, 3);
  for (char ch : {'+', '0', '8', ':', '0', '0'}) *p++ = ch;
  return std::string(buf, p);
}

std::string ShanghaiDate(int64_t millis) {
  char buf[16];
  char* p = DatePart(buf, ShanghaiCivil(millis));
  return std::string(buf, p);
}

}  // namespace xinan
