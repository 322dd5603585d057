#include "web/address_list.h"

#include <arpa/inet.h>

#include <cstring>

#include "web/comma_list.h"

namespace kc::web {

namespace {

// An address as 16 bytes (IPv4 mapped into ::ffff:0:0/96); false when it is neither.
bool to_bytes(const std::string& text, std::array<uint8_t, 16>& out, bool& v4) {
  in_addr a4{};
  if (inet_pton(AF_INET, text.c_str(), &a4) == 1) {
    out.fill(0);
    out[10] = out[11] = 0xff;
    std::memcpy(out.data() + 12, &a4, 4);
    v4 = true;
    return true;
  }
  in6_addr a6{};
  if (inet_pton(AF_INET6, text.c_str(), &a6) == 1) {
    std::memcpy(out.data(), &a6, 16);
    v4 = false;
    return true;
  }
  return false;
}

}  // namespace

std::optional<AddressList> AddressList::parse(const std::string& text, std::string& error) {
  AddressList list;
  for (const std::string& entry : comma_separated(text)) {
    if (entry.empty()) continue;
    std::string address = entry;
    int prefix = -1;
    if (size_t slash = entry.find('/'); slash != std::string::npos) {
      address = entry.substr(0, slash);
      std::string digits = entry.substr(slash + 1);
      if (digits.empty() || digits.size() > 3 || digits.find_first_not_of("0123456789") != std::string::npos) {
        error = "“" + entry + "” không phải địa chỉ hay dải mạng hợp lệ (ví dụ 127.0.0.1, 10.0.0.0/8, ::1)";
        return std::nullopt;
      }
      prefix = std::stoi(digits);
    }
    Network n;
    bool v4 = false;
    if (!to_bytes(address, n.bytes, v4) || prefix > (v4 ? 32 : 128)) {
      error = "“" + entry + "” không phải địa chỉ hay dải mạng hợp lệ (ví dụ 127.0.0.1, 10.0.0.0/8, ::1)";
      return std::nullopt;
    }
    n.prefix = prefix < 0 ? 128 : v4 ? 96 + prefix : prefix;
    list.networks_.push_back(n);
  }
  return list;
}

bool AddressList::is_address(const std::string& text) {
  std::array<uint8_t, 16> bytes{};
  bool v4 = false;
  return to_bytes(text, bytes, v4);
}

bool AddressList::contains(const std::string& address) const {
  std::array<uint8_t, 16> a{};
  bool v4 = false;
  if (!to_bytes(address, a, v4)) return false;
  for (const Network& n : networks_) {
    int full = n.prefix / 8, rest = n.prefix % 8;
    if (std::memcmp(a.data(), n.bytes.data(), static_cast<size_t>(full)) != 0) continue;
    if (rest == 0) return true;
    uint8_t mask = static_cast<uint8_t>(0xff << (8 - rest));
    if ((a[full] & mask) == (n.bytes[full] & mask)) return true;
  }
  return false;
}

}  // namespace kc::web
