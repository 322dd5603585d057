#include "report/report_letterhead.h"

#include "text/normalize.h"

namespace kc {

namespace {

bool ends_with_ci(const std::string& text, const std::string& suffix) {
  std::string t = to_upper_vi(text), x = to_upper_vi(suffix);
  return !x.empty() && t.size() > x.size() && t.ends_with(x);
}

}  // namespace

std::string letterhead_agency_name(const PhaseReport& r) {
  if (r.parent_agency_name.empty() || r.area_short_name.empty() ||
      to_upper_vi(r.parent_agency_name).find(to_upper_vi(r.area_short_name)) == std::string::npos)
    return r.agency_name;
  for (const std::string& place : {r.area_name, r.area_short_name})
    if (ends_with_ci(r.agency_name, " " + place)) return r.agency_name.substr(0, r.agency_name.size() - place.size() - 1);
  return r.agency_name;
}

std::string report_symbol(const PhaseReport& r) {
  return "BC-" + (r.agency_abbreviation.empty() ? std::string("…") : r.agency_abbreviation);
}

std::string number_and_symbol(const PhaseReport& r, const std::string& number_symbol) {
  if (number_symbol.empty()) return {};
  if (number_symbol.find('/') != std::string::npos) return number_symbol;
  return number_symbol + "/" + report_symbol(r);
}

doc::Letterhead report_letterhead(const PhaseReport& r, const std::string& number_symbol, const std::optional<Date>& date) {
  doc::Letterhead l;
  l.parent_agency = to_upper_vi(r.parent_agency_name);
  l.agency = to_upper_vi(letterhead_agency_name(r));
  std::string whole = number_and_symbol(r, number_symbol);
  l.number = "Số: " + (whole.empty() ? "       /" + report_symbol(r) : whole);
  l.place_date = r.area_short_name + ", " + (date ? to_vn_words(*date) : std::string("ngày      tháng      năm        "));
  return l;
}

doc::Appendix report_appendix(const PhaseReport& r, const std::string& caption, const std::string& number_symbol,
                              const std::optional<Date>& date) {
  doc::Appendix a;
  size_t dot = caption.find(". ");
  a.title = caption.substr(0, dot);
  if (dot != std::string::npos) a.subject = caption.substr(dot + 2);
  std::string issuer = r.agency_name.empty() ? std::string("…") : r.agency_name;
  std::string whole = number_and_symbol(r, number_symbol);
  a.reference = "(Kèm theo Báo cáo số " + (whole.empty() ? "…/" + report_symbol(r) : whole) + " ngày " +
                (date ? to_vn(*date) : std::string("…/…/…")) + " của " + issuer + ")";
  return a;
}

doc::Signature default_signature(const PhaseReport& r) {
  doc::Signature s;
  if (!r.ministry_name.empty()) s.recipients.push_back("- " + r.ministry_name + " (b/c);");
  if (!r.parent_agency_name.empty()) s.recipients.push_back("- " + r.parent_agency_name + " (b/c);");
  s.recipients.push_back("- Lưu: VT" +
                         (r.organisation.centre_abbreviation.empty() ? std::string() : ", " + r.organisation.centre_abbreviation) +
                         ".");
  s.position = to_upper_vi(r.signer_position);
  s.signer = r.signer_name;
  return s;
}

doc::Signature report_signature(const PhaseReport& r, const ReportIssueDetails& issue) {
  doc::Signature s = default_signature(r);
  if (!issue.recipients.empty()) s.recipients = issue.recipients;
  if (!issue.signer_name.empty()) s.signer = issue.signer_name;
  if (!issue.signer_title.empty()) s.position = to_upper_vi(issue.signer_title);
  s.authority = to_upper_vi(issue.signing_authority);
  return s;
}

ReportIssueDetails default_issue_details(const PhaseReport& r) {
  doc::Signature s = default_signature(r);
  ReportIssueDetails d;
  d.signing_authority = s.authority;
  d.signer_title = s.position;
  d.signer_name = s.signer;
  d.recipients = s.recipients;
  return d;
}

}  // namespace kc
