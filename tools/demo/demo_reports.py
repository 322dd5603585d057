"""The demo's reports (issue 12): the kinds of report, the Bắc Giang 2016-2020 phase report as
issued, the 2020 annual report as a draft, and the narrative of their sections.

The narrative is written for the demo: the facts are the seed report's
(/work/shared/seed/bao-cao-khuyen-cong-bac-giang-2016-2020.txt), the sentences are not. No run of
eight consecutive words is taken from the seed (check_demo.py and tests/demo_narrative_test.cc
check it mechanically). A figure the records compute is never typed: the text refers to it by its
id (`{de_an.tong.so_de_an}`, docs/report.md "Figure ids"), so the report prints the computed value.

The plan's Part II text (`ke_hoach.phuong_huong`, printed when a report has no Part II narrative)
is built from the same paragraphs as the sections II.1-II.3, so the two never drift apart.
"""
from __future__ import annotations

import textwrap

PHASE_REPORT = "bg-bc-2016-2020"
ANNUAL_REPORT = "bg-bc-2020-nam"

REPORT_KINDS = [  # ma, ten, cau_truc
    ("giai_doan", "Báo cáo kết quả hoạt động khuyến công giai đoạn", "giai_doan"),
    ("nam", "Báo cáo kết quả thực hiện kế hoạch khuyến công năm", "nam"),
    ("sau_thang", "Báo cáo kết quả thực hiện kế hoạch khuyến công 6 tháng đầu năm", "sau_thang"),
]

# "Nơi nhận" of the issued phase report, one recipient per line, in the seed's style.
PHASE_RECIPIENTS = [
    "- Bộ Công Thương (b/c);",
    "- Cục Công Thương địa phương, Bộ Công Thương (b/c);",
    "- UBND tỉnh Bắc Giang (b/c);",
    "- UBND các huyện, thành phố;",
    "- Lưu: VT, TTKC.",
    "- Bản điện tử: Giám đốc, các Phó Giám đốc Sở; Văn phòng Sở, phòng KH-TC-TH, phòng QLCN; TTKC.",
]


def _text(s: str) -> str:
    """A narrative written as an indented literal: dedented, without the surrounding blank lines."""
    return textwrap.dedent(s).strip("\n")


# ---------------------------------------------------------------------------------------------
# Part II of the phase report: directions, tasks and solutions, proposals. One paragraph or item
# per line (the form ke_hoach.phuong_huong keeps), items starting with "- ".
# ---------------------------------------------------------------------------------------------
PART_II_INTRO = ("Trên cơ sở kết quả đã đạt được và những hạn chế còn tồn tại, Sở Công Thương xác định "
                 "định hướng, nhiệm vụ và các giải pháp chủ yếu để hoạt động khuyến công của tỉnh trong "
                 "những năm tới đạt hiệu quả cao hơn, cụ thể:")

DIRECTIONS = [
    "- Lấy Nghị định số 45/2012/NĐ-CP làm căn cứ, phát huy những cách làm đã mang lại hiệu quả trong "
    "5 năm qua và gắn chặt kế hoạch khuyến công với các quy hoạch, kế hoạch của tỉnh về kinh tế - xã hội, "
    "về công nghiệp, tiểu thủ công nghiệp, về làng nghề thời kỳ 2021 - 2025. Công nghiệp nông thôn cần "
    "được mở rộng về quy mô nhưng trước hết phải nâng về chất: năng suất, chất lượng và khả năng cạnh "
    "tranh của sản phẩm là thước đo chính của các đề án.",
    "- Chọn một số ngành nền tảng để dành ưu tiên hỗ trợ, theo các tiêu chí: địa phương có tiềm năng và "
    "lợi thế rõ rệt; ngành có thể tham gia chuỗi giá trị và mạng lưới sản xuất toàn cầu; dùng ít đất, "
    "công nghệ sạch, thân thiện với môi trường; tạo nhiều giá trị gia tăng, đóng góp lớn cho xuất khẩu "
    "và thu ngân sách.",
    "- Với dệt may, da giày, vẫn tiếp tục hỗ trợ nhưng tập trung vào những công đoạn có giá trị gia "
    "tăng cao, sản xuất tự động, thông minh; duy trì hỗ trợ các ngành cần nhiều lao động mà Bắc Giang có "
    "thế mạnh; đặc biệt quan tâm công nghiệp phục vụ nông nghiệp, nông thôn, trước hết là chế biến nông "
    "sản, lâm sản, thủy sản.",
    "- Các nhóm ngành nghề nông thôn được tập trung hỗ trợ: chế biến sâu nông sản, lâm sản, thủy sản; "
    "cơ khí phục vụ sản xuất nông nghiệp; dệt may; vật liệu xây dựng; thủ công mỹ nghệ.",
    "- Ưu tiên các làng nghề tiểu thủ công nghiệp còn dư địa phát triển; giữ gìn và phát triển nghề "
    "truyền thống; khuyến khích hình thành làng nghề mới ở vùng có đất nông nghiệp bị thu hồi và vùng "
    "đồng bào dân tộc thiểu số.",
]

TASKS = [
    "- Nâng cao hiệu lực quản lý nhà nước về khuyến công; kiện toàn dần bộ máy khuyến công ở cả ba cấp "
    "tỉnh, huyện, xã; các sở, ngành, địa phương và tổ chức liên quan phối hợp chặt chẽ từ khâu lập kế "
    "hoạch đến khâu thực hiện, để mỗi đề án được làm đúng quy định và mang lại hiệu quả thực tế.",
    "- Thường xuyên rà soát các văn bản quy phạm pháp luật của tỉnh về khuyến công; kịp thời sửa đổi, "
    "bổ sung khi chính sách của Trung ương thay đổi và khi tỉnh điều chỉnh định hướng về công nghiệp, "
    "tiểu thủ công nghiệp.",
    "- Tăng cường thông tin, tuyên truyền về chủ trương, chính sách của Nhà nước đối với công nghiệp, "
    "tiểu thủ công nghiệp và về các mức hỗ trợ của chương trình khuyến công, để cấp ủy, chính quyền các "
    "cấp cùng các tổ chức, cá nhân hiểu, quan tâm và ủng hộ.",
    "- Đa dạng hóa nguồn lực: bố trí kinh phí từ ngân sách tỉnh; đăng ký đề án dùng kinh phí khuyến công "
    "quốc gia; kết hợp với các chương trình, dự án mục tiêu khác; vận động các tổ chức, cá nhân đóng góp "
    "các nguồn vốn hợp pháp.",
    "- Cuối mỗi năm tổng kết, đánh giá kết quả khuyến công và rút kinh nghiệm cho năm sau; khen thưởng "
    "kịp thời những tập thể, cá nhân có đóng góp nổi bật.",
]

PROPOSALS = [
    "1. Kế hoạch khuyến công của tỉnh cho những năm 2016 - 2020, phê duyệt tại Quyết định số "
    "1330/QĐ-UBND, đã cơ bản hoàn thành các mục tiêu; khuyến công đã thực sự đi vào đời sống và chứng tỏ "
    "vai trò quan trọng đối với công nghiệp nông thôn của tỉnh. Dựa trên những kết quả đó, Sở Công "
    "Thương đang cùng các sở, ngành liên quan và UBND các huyện, thành phố xây dựng kế hoạch khuyến "
    "công giai đoạn 2021 - 2025 để trình Chủ tịch UBND tỉnh phê duyệt.",
    "2. Sở Công Thương kính đề nghị UBND các huyện, thành phố bố trí trong dự toán ngân sách địa phương "
    "hằng năm một khoản kinh phí cho khuyến công và chỉ đạo sát việc thực hiện trên địa bàn./.",
]


def _paragraphs(lines: list) -> str:
    """Narrative markup: one paragraph or item per line, separated by blank lines."""
    return "\n\n".join(lines)


def phuong_huong() -> str:
    """ke_hoach.phuong_huong of bg-2016-2020: the same Part II, with its sub-headings."""
    return "\n".join([PART_II_INTRO, "## 1. Định hướng phát triển hoạt động khuyến công 2021 - 2025",
                      *DIRECTIONS, "## 2. Các nhiệm vụ, giải pháp chủ yếu", *TASKS, "## 3. Kiến nghị, đề xuất",
                      *PROPOSALS])


# ---------------------------------------------------------------------------------------------
# The phase report's sections (ids: report/report_kinds.h, the shared design of issue 12).
# ---------------------------------------------------------------------------------------------
PHASE_SECTIONS = {
    "I.1.1": _text("""
        Bám sát các văn bản của Trung ương, Sở Công Thương đã chủ động tham mưu để UBND tỉnh có
        khung chính sách khuyến công riêng, vừa đúng quy định chung vừa phù hợp với khả năng ngân
        sách và đặc điểm của công nghiệp nông thôn Bắc Giang. Các văn bản này quy định những nội dung
        được hỗ trợ, mức hỗ trợ và trình tự xây dựng, thẩm định, nghiệm thu đề án dùng ngân sách tỉnh.

        Sau khi Bộ Tài chính ban hành Thông tư số 28/2018/TT-BTC, Sở đã đề xuất sửa đổi, bổ sung một
        khoản của Quy định ban hành kèm theo Quyết định số 734/2014/QĐ-UBND để việc lập dự toán,
        thanh toán, quyết toán kinh phí khuyến công tỉnh thống nhất với hướng dẫn mới; UBND tỉnh đã
        ban hành Quyết định số 30/2019/QĐ-UBND.

        Năm 2018, việc hợp nhất hai trung tâm của Sở (Quyết định số 560/QĐ-UBND) và danh mục dịch vụ
        công của ngành Công Thương được ngân sách bảo đảm (Quyết định số 1526/QĐ-UBND) là cơ sở để
        giao nhiệm vụ, đặt hàng các hoạt động khuyến công và xúc tiến thương mại cho một đầu mối.
        """),
    "I.1.2": _text("""
        - Sở Công Thương giúp UBND tỉnh quản lý nhà nước về khuyến công trên địa bàn theo Nghị định
        số 45/2012/NĐ-CP: tham mưu kế hoạch, phân bổ kinh phí, hướng dẫn và kiểm tra việc thực hiện.

        - Trung tâm Khuyến công của tỉnh, một đơn vị sự nghiệp công lập thuộc Sở (từ năm 2018 kiêm thêm
        xúc tiến thương mại), là đầu mối triển khai đề án khuyến công của tỉnh.

        - Ở cấp huyện, Trung tâm chưa có chi nhánh; việc theo dõi khuyến công do cán bộ của phòng Kinh
        tế, phòng Kinh tế và Hạ tầng đảm nhận bên cạnh nhiệm vụ chuyên môn của phòng.

        - Từ khâu lập kế hoạch đến khâu thực hiện, Trung tâm làm việc thường xuyên với các sở, ngành
        liên quan và UBND cấp huyện; với các tổ chức chính trị - xã hội và hội nghề nghiệp (Hiệp hội
        Doanh nghiệp tỉnh, Hội Nông dân, Hội Liên hiệp Phụ nữ, Tỉnh đoàn, Liên minh Hợp tác xã tỉnh);
        với các tổ chức làm dịch vụ khuyến công và với chính các cơ sở được hỗ trợ.
        """),
    "I.2.1": _text("""
        Các lớp học tập trung vào những nghề mà cơ sở và làng nghề của tỉnh đang cần người làm: làm
        hương, đan mây tre, mộc dân dụng, sử dụng và sửa chữa máy móc phục vụ nông nghiệp. Học viên
        học xong đều được nhận vào làm việc, có thu nhập ổn định.

        Nội dung này chỉ đạt {chi_tieu.lao_dong_dao_tao.ty_le_dat} mục tiêu giai đoạn, và đó là một
        lựa chọn có chủ đích: để không trùng với chương trình dạy nghề cho người lao động ở nông thôn
        do ngành Lao động - Thương binh và Xã hội chủ trì, Sở Công Thương đã đề nghị hạ mức hỗ trợ và
        chỉ hỗ trợ các lớp ngắn hạn (dưới 01 năm), học ngay tại nơi sản xuất, theo đúng nhu cầu tuyển
        người của từng cơ sở, từng làng nghề.
        """),
    "I.2.2": _text("""
        Chủ cơ sở và người lao động được bồi dưỡng về an toàn thực phẩm, khởi nghiệp và quản trị doanh
        nghiệp, những quy định về công nghiệp hỗ trợ, an toàn trong khai thác khoáng sản và những yêu
        cầu đặt ra từ cuộc cách mạng công nghiệp lần thứ tư.

        Thành phần các đoàn đi học tập kinh nghiệm trong nước gồm cán bộ khuyến công cùng người của
        các cơ sở, làng nghề; các đoàn tìm hiểu cách các địa phương bạn làm công nghiệp - tiểu thủ
        công nghiệp, làm khuyến công, đưa nghề mới về và xây dựng làng nghề.
        """),
    "I.2.3": _text("""
        Đã xây dựng {chi_tieu.mo_hinh_trinh_dien} trình diễn kỹ thuật: sản xuất tôn ba lớp cách nhiệt,
        sản xuất chế phẩm sinh học Biolin và sản xuất thức ăn chăn nuôi. Máy móc, thiết bị được hỗ trợ
        thuộc những ngành tỉnh có tiềm năng, thế mạnh: cơ khí chế tạo, công nghiệp phụ trợ, may mặc
        xuất khẩu, chế biến nông sản và lâm sản, vật liệu xây dựng. Việc đánh giá sản xuất sạch hơn được
        dành cho những doanh nghiệp dễ gây ô nhiễm môi trường.

        Nhờ nội dung này, nhiều cơ sở đã yên tâm bỏ vốn đổi mới công nghệ và thiết bị, làm ra sản phẩm
        mới, năng suất và chất lượng cao hơn, kinh doanh hiệu quả hơn; tài nguyên, nguyên liệu, nhiên
        liệu và năng lượng được dùng tiết kiệm hơn, ô nhiễm giảm. Các mô hình được giới thiệu rộng rãi
        để cơ sở trong tỉnh và các tỉnh khác học tập, làm theo.
        """),
    "I.2.4": _text("""
        Tại các hội chợ, triển lãm, tỉnh giới thiệu với đối tác tiềm năng, thế mạnh và chính sách thu
        hút đầu tư của mình trong lĩnh vực công nghiệp, tiểu thủ công nghiệp. Các cơ sở công nghiệp
        nông thôn, hợp tác xã và doanh nghiệp có mặt tại hội chợ hoặc gửi sản phẩm trưng bày để quảng
        bá, tìm thêm thị trường trong nước và đẩy mạnh xuất khẩu.

        Nhà trưng bày của {chi_tieu.phong_trung_bay} được hỗ trợ dùng để giới thiệu gốm làng Ngòi, mỳ
        gạo Chũ và gà đồi Yên Thế.
        """),
    "I.2.5": _text("""
        Các cơ sở được tư vấn về mẫu mã, bao bì, tem truy xuất nguồn gốc cho những sản phẩm công nghiệp
        và đặc sản của các làng nghề trong tỉnh như chè, nấm, rượu, vải thiều, gà đồi, mỳ gạo. Nhờ vậy
        hình ảnh, thương hiệu của sản phẩm được giữ vững và nâng lên, giá trị gia tăng cao hơn.
        """),
    "I.2.6": _text("""
        Trang thông tin điện tử khuyến công của tỉnh (tkhuyencong.bacgiang.gov.vn) được duy trì thường
        xuyên. Bản tin khuyến công và catalog quảng bá những sản phẩm tiêu biểu của công nghiệp nông
        thôn được phát hành đều đặn. Trung tâm phối hợp với báo, đài thực hiện các chương trình, tin bài
        về chính sách phát triển công nghiệp và khuyến công, thông tin thị trường, những mô hình sản
        xuất kinh doanh tốt và sản xuất sạch hơn.
        """),
    "I.2.7": _text("""
        Đề án đã rà soát, thống kê và xác định trên bản đồ vị trí, ranh giới, diện tích theo quy hoạch;
        khoanh vùng và cắm mốc định hướng ngoài thực địa cho các khu, cụm công nghiệp tại: xã Nghĩa
        Hưng (huyện Lạng Giang); các xã Tự Lạn, Trung Sơn và Bích Sơn (huyện Việt Yên); xã Châu Minh
        cùng xã Bắc Lý, và xã Đoàn Bái cùng xã Lương Phong (huyện Hiệp Hòa).
        """),
    "I.2.8": _text("""
        Ngoài chuyến công tác năm 2019, giai đoạn này tỉnh chưa bố trí được đề án hợp tác quốc tế về
        khuyến công; đây là một trong những nội dung chưa đạt mục tiêu (mục 3.2). Kinh nghiệm thu được
        về hỗ trợ doanh nghiệp nhỏ và vừa và quản lý cụm công nghiệp được Sở tham khảo khi chuẩn bị kế
        hoạch giai đoạn sau.
        """),
    "I.2.9": _text("""
        Các văn bản được ban hành đã tạo khung pháp lý để xây dựng và triển khai khuyến công trên địa
        bàn. Hằng năm Sở tham mưu kế hoạch khuyến công quốc gia trình Bộ trưởng Bộ Công Thương và kế
        hoạch chi kinh phí khuyến công tỉnh trình Chủ tịch UBND tỉnh; trang bị thêm trang thiết bị,
        phương tiện làm việc cho bộ phận làm khuyến công; hướng dẫn các đơn vị thực hiện, theo dõi,
        kiểm tra; nghiệm thu và hậu kiểm các đề án, kế hoạch khuyến công trong tỉnh.
        """),
    "I.3.1": _text("""
        - Khuyến công được triển khai trên khắp các huyện, thành phố, đủ {noi_dung.so_thuc_hien} theo
        Nghị định số 45/2012/NĐ-CP; được cấp ủy các cấp quan tâm lãnh đạo, các ngành và chính quyền
        phối hợp, các tổ chức chính trị - xã hội vào cuộc, doanh nghiệp, hợp tác xã và cơ sở công nghiệp
        nông thôn đồng tình hưởng ứng.

        - Các quy định của tỉnh về khuyến công ra đời kịp thời, ngày càng đầy đủ; kế hoạch giai đoạn và
        kế hoạch hằng năm có trọng tâm, bám sát các quy hoạch, chương trình về làng nghề, công nghiệp và
        tiểu thủ công nghiệp của Trung ương và của tỉnh, dồn sức cho các ngành tỉnh có thế mạnh: may mặc
        xuất khẩu, cơ khí chế tạo, vật liệu xây dựng, chế biến nông sản và lâm sản, công nghiệp phụ trợ.

        - Bộ máy khuyến công của tỉnh được sắp xếp gọn hơn mà vẫn hiệu quả; đội ngũ cán bộ cấp tỉnh
        vững vàng hơn qua công việc thực tế và các lớp tập huấn nghiệp vụ.

        - Nguồn lực cho khuyến công tăng qua từng năm: tỉnh tranh thủ được {de_an.quoc_gia.kinh_phi}
        kinh phí khuyến công quốc gia, kết hợp được với các chương trình kinh tế - xã hội của tỉnh, và
        các tổ chức, cá nhân thực hiện kế hoạch đã đầu tư thêm {de_an.tong.doi_ung}.

        - Các đề án được chọn đều có tác dụng lan tỏa trong ngành nghề, làng nghề, giúp người dân và
        doanh nghiệp tin vào chính sách của Nhà nước, mạnh dạn bỏ vốn vào sản xuất.

        - Cùng các chính sách khác, khuyến công đã góp phần thay đổi cơ cấu kinh tế và lao động nông
        thôn theo hướng tăng công nghiệp, dịch vụ; tạo việc làm, tăng thu nhập, giảm nghèo, nâng cao đời sống
        văn hóa - xã hội và xây dựng nông thôn mới.
        """),
    "I.3.2": _text("""
        - Ở các huyện miền núi, nơi kinh tế - xã hội còn nhiều khó khăn, ít tổ chức, cá nhân đầu tư vào
        công nghiệp nông thôn, nên dù là địa bàn ưu tiên của chương trình, cả giai đoạn ở đây chỉ có
        {dia_ban.uu_tien.so_de_an} ({dia_ban.uu_tien.ty_le_de_an} tổng số đề án).

        - Còn những nội dung chưa đạt mục tiêu: đào tạo nghề ({chi_tieu.lao_dong_dao_tao.ty_le_dat});
        hợp tác quốc tế về khuyến công; hỗ trợ cụm công nghiệp (lập quy hoạch chi tiết, xây dựng hạ
        tầng, cải tạo công trình xử lý ô nhiễm), trong đó việc khảo sát, cắm mốc khu, cụm công nghiệp
        mới đạt {chi_tieu.cum_cn_khao_sat.ty_le_dat} mục tiêu.

        - Ít đề án điểm có quy mô lớn, thực hiện liên tục nhiều năm, gắn với chương trình mục tiêu quốc
        gia và các chương trình kinh tế - xã hội của tỉnh.

        - Thông tin, tuyên truyền về chính sách và hoạt động khuyến công chưa sâu rộng, hình thức còn
        đơn điệu.
        """),
    "I.3.3": _text("""
        **Nguyên nhân khách quan**

        - Bắc Giang là tỉnh miền núi. Ở khu vực nông thôn, công nghiệp và tiểu thủ công nghiệp còn kém
        phát triển; so với dân số, số làng nghề, số cơ sở sản xuất công nghiệp ở nông thôn còn ít, nhỏ
        lẻ, phân tán và dồn về thành phố Bắc Giang cùng các huyện phát triển hơn.

        - Ngân sách tỉnh còn hạn hẹp nên kinh phí dành cho khuyến công thấp (kinh phí khuyến công tỉnh
        chỉ đạt {chi_tieu.kp_tinh.ty_le_dat} mục tiêu giai đoạn), không đủ để làm đồng bộ mọi nội dung,
        đề án của kế hoạch giai đoạn, trước hết là những đề án điểm có quy mô lớn.

        **Nguyên nhân chủ quan**

        - Một bộ phận cán bộ và chính quyền cơ sở chưa hiểu đầy đủ, thống nhất về khuyến công; nhiều
        đối tượng được hưởng chính sách chưa chủ động tìm hiểu chính sách Nhà nước dành cho công nghiệp
        nông thôn.

        - Bộ máy khuyến công chưa hoàn chỉnh: mới có Trung tâm ở cấp tỉnh, chưa có chi nhánh
        ở huyện, thành phố và cộng tác viên ở xã, nên khó nắm nhu cầu của cơ sở và triển khai đề án.
        """),
    "I.3.4": _text("""
        - Kế hoạch khuyến công chỉ hiệu quả khi xuất phát từ nhu cầu thật của cơ sở và gắn với quy
        hoạch, kế hoạch phát triển công nghiệp của tỉnh; mỗi năm cần rà soát lại danh mục đề án theo
        nhu cầu đó.

        - Chọn đúng cơ sở có năng lực làm hạt nhân, hỗ trợ có trọng điểm rồi nhân rộng, hiệu quả hơn
        hỗ trợ dàn trải; nghiệm thu và hậu kiểm chặt chẽ giúp giữ được chất lượng đề án.

        - Phối hợp với huyện, thành phố và các hội, đoàn thể giúp chính sách đến được với cơ sở nhanh
        hơn và huy động thêm được vốn đối ứng.
        """),
    "II.1": _paragraphs(DIRECTIONS),
    "II.2": _paragraphs(TASKS),
    "II.3": _paragraphs(PROPOSALS),
}

# ---------------------------------------------------------------------------------------------
# The 2020 annual report, a draft: the sections the centre has written so far. No figure
# references yet: the annual report's figure ids are defined with its structure.
# ---------------------------------------------------------------------------------------------
ANNUAL_SECTIONS = {
    "I.1": _text("""
        Ngay từ đầu năm, kế hoạch khuyến công năm 2020 đã được Sở Công Thương trình và UBND tỉnh phê
        duyệt; Sở hướng dẫn UBND các huyện, thành phố đăng ký đề án khuyến công cấp huyện. Khi dịch Covid-19 bùng
        phát từ tháng 02/2020, Sở chỉ đạo Trung tâm rà soát lại toàn bộ kế hoạch: lùi thời gian các lớp
        tập huấn, chuyến khảo sát và hội chợ tập trung đông người; chuyển một phần sang tổ chức trực
        tuyến; ưu tiên giải ngân các đề án hỗ trợ máy móc, thiết bị giúp cơ sở duy trì sản xuất.

        Sở phối hợp với các huyện hỗ trợ tiêu thụ vải thiều và nông sản chế biến trong mùa dịch, kiểm
        tra tiến độ các đề án ở từng địa bàn, đồng thời tổng kết giai đoạn 2016 - 2020 và chuẩn bị kế
        hoạch khuyến công giai đoạn 2021 - 2025.
        """),
    "I.3.2": _text("""
        - Dịch Covid-19 làm chậm nhiều đề án: một số lớp đào tạo, tập huấn và đoàn khảo sát phải hoãn
        sang quý IV; nhiều hội chợ trong nước bị hủy hoặc chuyển sang trực tuyến nên số lượt cơ sở tham
        gia thấp hơn dự kiến.

        - Một số cơ sở thụ hưởng gặp khó khăn về đơn hàng và dòng tiền, chậm bố trí vốn đối ứng, phải
        lùi thời gian lắp đặt máy móc, thiết bị.

        - Giải ngân kinh phí dồn vào những tháng cuối năm; kinh phí khuyến công cấp huyện ở một số địa
        phương chưa được bố trí hoặc bố trí thấp.
        """),
    "I.3.3": _text("""
        - Dịch bệnh kéo dài và các biện pháp giãn cách xã hội trong năm; việc nhập khẩu, vận chuyển
        máy móc bị gián đoạn.

        - Hồ sơ đề án của một số cơ sở chuẩn bị chậm, phải bổ sung nhiều lần; thời gian thẩm định kéo
        dài.

        - Trung tâm có ít cán bộ làm khuyến công trong khi khối lượng việc tăng vào cuối năm, cùng lúc
        với việc tổng kết giai đoạn.
        """),
    "II": _text("""
        - Hoàn thành nghiệm thu, thanh quyết toán các đề án năm 2020 còn dở dang trước ngày 31/3/2021.

        - Hoàn thiện, trình UBND tỉnh kế hoạch khuyến công giai đoạn 2021 - 2025 và kế hoạch năm 2021;
        ưu tiên hỗ trợ ứng dụng máy móc, thiết bị, chế biến nông sản và phát triển làng nghề, nhất là ở
        các huyện miền núi.

        - Chủ động phương án khi dịch bệnh quay lại: tổ chức tập huấn, hội chợ trực tuyến, hỗ trợ cơ sở
        đưa sản phẩm lên sàn thương mại điện tử.

        - Tăng cường kiểm tra, giám sát đề án; cập nhật kịp thời thông tin về đề án và kết quả vào hệ
        thống quản lý khuyến công.
        """),
    "III": _text("""
        - Đề nghị Bộ Công Thương tiếp tục bố trí kinh phí khuyến công quốc gia cho tỉnh, ưu tiên các
        huyện miền núi, và hướng dẫn việc dùng kinh phí khuyến công cho hội chợ trực tuyến, thương mại
        điện tử.

        - Đề nghị UBND tỉnh phê duyệt sớm kế hoạch khuyến công giai đoạn 2021 - 2025 và giao dự toán
        kinh phí khuyến công ngay từ đầu năm.

        - Đề nghị UBND cấp huyện đưa kinh phí khuyến công vào dự toán ngân sách năm 2021.
        """),
}


def report_rows() -> dict:
    """The rows of loai_bao_cao, bao_cao and bao_cao_muc."""
    kinds = [dict(ma=ma, ten=ten, cau_truc=c) for ma, ten, c in REPORT_KINDS]
    reports = [
        dict(ma=PHASE_REPORT, loai_bao_cao="giai_doan", ke_hoach="bg-2016-2020", nam=2020, co_quan="sct-bg",
             trang_thai="da_ban_hanh", so_ky_hieu="235/BC-SCT", ngay_ban_hanh="2020-11-27", tham_quyen_ky=None,
             chuc_vu_ky="GIÁM ĐỐC", nguoi_ky="Trần Quang Tấn", noi_nhan="\n".join(PHASE_RECIPIENTS),
             kem_bieu_do=False),
        dict(ma=ANNUAL_REPORT, loai_bao_cao="nam", ke_hoach="bg-2020", nam=2020, co_quan="sct-bg",
             trang_thai="du_thao", kem_bieu_do=False),
    ]
    sections = [dict(bao_cao=PHASE_REPORT, muc=m, noi_dung=t) for m, t in PHASE_SECTIONS.items()]
    sections += [dict(bao_cao=ANNUAL_REPORT, muc=m, noi_dung=t) for m, t in ANNUAL_SECTIONS.items()]
    return {"loai_bao_cao": kinds, "bao_cao": reports, "bao_cao_muc": sections}
