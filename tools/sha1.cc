#include "sha1.h"

#include <array>
#include <cstdint>
#include <cstdio>

namespace reviewlint::eval {
namespace {

uint32_t Rotl(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

void Block(const unsigned char* p, std::array<uint32_t, 5>* h) {
  uint32_t w[80];
  for (int i = 0; i < 16; ++i)
    w[i] = uint32_t(p[4 * i]) << 24 | uint32_t(p[4 * i + 1]) << 16 | uint32_t(p[4 * i + 2]) << 8 |
           uint32_t(p[4 * i + 3]);
  for (int i = 16; i < 80; ++i) w[i] = Rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
  uint32_t a = (*h)[0], b = (*h)[1], c = (*h)[2], d = (*h)[3], e = (*h)[4];
  for (int i = 0; i < 80; ++i) {
    uint32_t f, k;
    if (i < 20)
      f = (b & c) | (~b & d), k = 0x5A827999;
    else if (i < 40)
      f = b ^ c ^ d, k = 0x6ED9EBA1;
    else if (i < 60)
      f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDC;
    else
      f = b ^ c ^ d, k = 0xCA62C1D6;
    uint32_t t = Rotl(a, 5) + f + e + k + w[i];
    e = d, d = c, c = Rotl(b, 30), b = a, a = t;
  }
  (*h)[0] += a, (*h)[1] += b, (*h)[2] += c, (*h)[3] += d, (*h)[4] += e;
}

}  // namespace

std::string Sha1Hex(std::string_view bytes) {
  std::array<uint32_t, 5> h = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  std::string padded(bytes);
  uint64_t bits = uint64_t(bytes.size()) * 8;
  padded += '\x80';
  while (padded.size() % 64 != 56) padded += '\0';
  for (int i = 7; i >= 0; --i) padded += char((bits >> (8 * i)) & 0xFF);
  for (size_t i = 0; i < padded.size(); i += 64)
    Block(reinterpret_cast<const unsigned char*>(padded.data() + i), &h);
  std::string out;
  char hex[9];
  for (uint32_t x : h) {
    std::snprintf(hex, sizeof hex, "%08x", x);
    out += hex;
  }
  return out;
}

}  // namespace reviewlint::eval
