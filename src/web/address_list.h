// A list of client addresses and networks ("127.0.0.1,10.0.0.0/8,::1"), IPv4 and IPv6 in CIDR
// notation, for endpoints open only to some machines (/metrics, serve --metrics-from). An IPv4
// client seen on an IPv6 socket (::ffff:10.1.2.3) matches its IPv4 entries.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kc::web {

class AddressList {
 public:
  // Comma-separated entries, spaces allowed; nullopt and `error` (Vietnamese, naming the entry)
  // when one is not an address or network. An empty text gives an empty list (nobody).
  static std::optional<AddressList> parse(const std::string& text, std::string& error);

  bool contains(const std::string& address) const;
  // Whether `text` is one IPv4 or IPv6 address (no network).
  static bool is_address(const std::string& text);

 private:
  struct Network {
    std::array<uint8_t, 16> bytes{};  // IPv4 as IPv4-mapped IPv6
    int prefix = 128;
  };
  std::vector<Network> networks_;
};

}  // namespace kc::web
