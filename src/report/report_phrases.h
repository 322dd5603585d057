// Small Vietnamese phrases shared by the report writers.
#pragma once

#include <string>
#include <vector>

#include "report/phase_report.h"

namespace kc {

// "15.000 triệu đồng"
std::string million_dong_text(int64_t dong);

// " (đạt 79,17% so với mục tiêu giai đoạn)" or "" when there is no target.
std::string achievement_text(const IndicatorResult& r);

// "Quyết định số 1330/QĐ-UBND ngày 15/7/2015 của Chủ tịch UBND tỉnh Bắc Giang về việc phê duyệt …"
std::string document_sentence(const DocumentRef& d);

// "miền núi", "miền núi và vùng cao", "miền núi, vùng cao và biên giới"; "" for none.
std::string join_vi_list(const std::vector<std::string>& items);

// "2016 - 2020"
std::string period_text(int from_year, int to_year);

}  // namespace kc
