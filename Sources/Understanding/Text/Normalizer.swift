/// Scalar-to-scalar text normalisation.
///
/// Every input scalar maps to exactly one output scalar, so the normalised
/// text has the same `unicodeScalars.count` and offsets found in it are
/// offsets into the original text. Case is kept.
///
/// - Full-width ASCII (U+FF01–U+FF5E) → ASCII.
/// - Ideographic space U+3000 and no-break space → space.
/// - Traditional → simplified Chinese, single characters only.
/// - Chinese punctuation that matters for parsing (：，；？！（）～ etc.) → ASCII.
public enum Normalizer {
    public static func normalize(_ text: String) -> String {
        ScalarString.make(text.unicodeScalars.lazy.map(map))
    }

    /// The image of a single scalar.
    @inline(__always)
    public static func map(_ s: Unicode.Scalar) -> Unicode.Scalar { Tables.shared.map(s) }

    /// `changed` and `flatTable` together, read once per line by a caller
    /// that maps every character (each static's accessor per character showed
    /// in a profile, as `swift_once`).
    struct Tables: Sendable {
        let changed: ScalarBits
        let flat: [UInt32]

        static let shared = Tables(changed: Normalizer.changed, flat: Normalizer.flatTable)

        @inline(__always)
        func map(_ s: Unicode.Scalar) -> Unicode.Scalar {
            let v = s.value
            if v < 0x80 { return s }
            if v >= 0xFF01 && v <= 0xFF5E { return Unicode.Scalar(v - 0xFEE0)! }
            if v == 0x3000 || v == 0x00A0 { return " " }
            if v < 0x10000 {
                guard changed.contains(v) else { return s }
                let m = flat[Int(v)]
                return m == 0 ? s : Unicode.Scalar(m)!
            }
            if let m = Normalizer.table[s] { return m }
            return s
        }
    }

    /// `table` over the Basic Multilingual Plane as a flat array (0: unchanged), so
    /// that each character costs one load rather than a hash lookup (256 KiB).
    static let flatTable: [UInt32] = {
        var flat = [UInt32](repeating: 0, count: 0x10000)
        for (from, to) in table where from.value < 0x10000 { flat[Int(from.value)] = to.value }
        return flat
    }()

    /// The BMP scalars `flatTable` changes, tested first (`ScalarBits`).
    static let changed = ScalarBits(table.keys)

    /// Punctuation mapped 1:1 to ASCII.
    static let punctuation: [(Unicode.Scalar, Unicode.Scalar)] = [
        ("\u{3001}", ","), // 、
        ("\u{3002}", "."), // 。 (kept as full stop)
        ("\u{2014}", "-"), ("\u{2013}", "-"), ("\u{2012}", "-"), ("\u{2010}", "-"), ("\u{2212}", "-"),
        ("\u{301C}", "~"), // 〜 wave dash
        ("\u{2018}", "'"), ("\u{2019}", "'"), ("\u{201C}", "\""), ("\u{201D}", "\""),
        ("\u{00B7}", "."), // middle dot
        ("\u{FFE5}", "¥"), // full-width yen sign
    ]

    /// Traditional → simplified pairs (one character to one character).
    static let traditional: String = """
    兒儿報报龍龙園园號号樓楼棟栋電电話话壞坏區区務务預预約约關关題题問问時时間间點点週周禮礼拜拜\
    國国慶庆節节勞劳動动聖圣誕诞陽阳曆历農农曆历歲岁這这個个們们來来為为會会說说對对現现\
    後后發发開开門门車车東东馬马長长見见買买賣卖錢钱萬万億亿兩两幾几麼么嗎吗還还進进過过\
    運运遠远違违達达連连選选邊边準准請请詢询謝谢讓让認认識识論论設设證证評评訴诉診诊課课\
    訪访記记許许議议讀读調调談谈護护譯译貸贷費费資资貨货購购貿贸負负責责貴贵賬账賠赔賽赛\
    贊赞趕赶躍跃軟软輕轻較较輛辆輸输轉转辦办農农邊边鄰邻醫医釋释鐘钟鐵铁銀银錯错鎮镇長长\
    門门閉闭問问閒闲間间閱阅闆板隊队陰阴陳陈際际險险隨随隱隐雜杂難难雙双雞鸡離离雲云電电\
    靈灵頁页頂顶項项順顺須须領领頭头頻频顏颜願愿類类顧顾風风飛飞飯饭飲饮館馆駕驾驗验體体\
    髮发鬧闹魚鱼鳥鸟鹽盐麥麦黃黄齊齐齒齿龜龟廣广廳厅廠厂庫库應应張张強强歸归彈弹徑径從从\
    復复徵征態态總总戶户拋抛挾挟捨舍掃扫掛挂揚扬換换損损搖摇攜携擁拥擇择據据擬拟擔担擋挡\
    擊击擴扩敵敌數数斷断書书曬晒會会條条來来極极構构標标樣样樹树橋桥機机檢检櫃柜權权歡欢\
    殘残氣气漢汉湯汤溫温準准滅灭滿满漁渔漏漏潔洁濕湿災灾為为烏乌無无煙烟熱热營营燈灯爭争\
    爾尔牆墙狀状獎奖獨独獲获環环現现產产畫画當当疊叠療疗癢痒發发盜盗監监盡尽礙碍確确磚砖\
    禍祸積积穩稳窮穷竊窃競竞筆笔築筑簡简糧粮紀纪紅红約约級级紙纸紛纷線线組组細细終终結结\
    絕绝給给統统絲丝經经綠绿網网維维緊紧編编緣缘縣县縮缩績绩繁繁織织繳缴續续罰罚罷罢羅罗\
    義义習习聯联聲声聽听職职肅肃脅胁腦脑腳脚臉脸興兴舉举舊旧艙舱藝艺蘇苏蘭兰處处號号蟲虫\
    衛卫補补裝装複复製制襪袜規规視视親亲覺觉觀观觸触訂订計计訊讯託托記记訟讼設设訪访詐诈\
    該该詳详誇夸誌志語语誤误說说誰谁課课調调談谈請请諮咨謀谋講讲謹谨警警證证識识議议護护\
    變变豐丰貝贝負负財财販贩貧贫貼贴貴贵貸贷費费賀贺資资賓宾賠赔質质賴赖購购賽赛贈赠趙赵\
    跡迹踐践車车軍军軌轨載载輔辅輪轮辦办農农遲迟遷迁遺遗適适選选還还邁迈鄉乡鄭郑醜丑釀酿\
    針针釣钓鈴铃鉛铅銷销鋪铺鋼钢錄录鍋锅鎖锁鏈链鐘钟鑰钥閃闪開开閘闸閩闽闊阔闖闯阻阻陣阵\
    陸陆隻只雖虽雪雪電电霧雾靜静響响頒颁預预頓顿領领頻频題题額额顯显飄飘飽饱餐餐養养餘余\
    館馆騎骑騙骗驅驱驗验驚惊髒脏鬥斗鮮鲜鳳凤鴨鸭鵝鹅麗丽黨党點点黴霉齡龄龐庞\
    傳传晝昼愛爱憂忧懷怀戀恋戲戏戰战據据擾扰檔档歷历殺杀氣气決决況况沒没洩泄淚泪淨净淺浅渦涡測测\
    濟济濱滨瀏浏災灾燒烧燙烫牽牵猶犹獻献瑪玛瓊琼癡痴盤盘睜睁礦矿祿禄禮礼禦御種种稱称穀谷\
    窩窝窯窑筍笋範范篩筛籃篮糾纠純纯紡纺紮扎累累細细紹绍絡络絨绒絮絮綁绑綜综綫线緒绪締缔\
    緩缓練练縫缝縱纵總总繩绳繪绘繼继纏缠罐罐罵骂羨羡聖圣聞闻肅肃膽胆膚肤臘腊臨临與与舖铺\
    艱艰蒼苍蓋盖蔣蒋蕭萧藥药蘋苹虛虚虧亏蝦虾蠟蜡術术衝冲袞衮裡里褲裤襲袭覽览觀观訓训託托\
    記记誠诚誦诵諒谅諾诺謊谎譜谱讚赞豈岂貓猫貞贞販贩貫贯貪贪貯贮貳贰賊贼賦赋賜赐賞赏賢贤\
    賤贱質质賭赌賴赖賺赚贏赢趨趋蹤踪軸轴輝辉輩辈輯辑轄辖轟轰辭辞迴回遞递遙遥邏逻郵邮鄰邻\
    醬酱鈔钞鈕钮鈣钙鉤钩鋁铝銅铜銘铭鋒锋錦锦鍵键鍾钟鎊镑鏡镜鐸铎鑑鉴閣阁閥阀閨闺闡阐陝陕\
    陽阳隸隶雋隽雛雏雜杂雞鸡離离難难靂雳韋韦韓韩頌颂頗颇頸颈頰颊顆颗顛颠飼饲飾饰餅饼餵喂\
    饑饥饒饶馬马駐驻駛驶騰腾驢驴驟骤骯肮鬆松鬍胡魯鲁鯉鲤鰻鳗鴻鸿鵬鹏鶴鹤鷹鹰鹼碱麵面黑黑\
    壹壹貳贰參参陸陆億亿萬万圓圆圖图團团壓压壩坝壽寿夠够奪夺奮奋婦妇媽妈孫孙學学實实寧宁\
    審审寫写寬宽實实將将專专尋寻對对導导屆届屬属層层島岛嶺岭巖岩幣币幫帮庒庄廢废廬庐廟庙\
    彌弥彎弯徹彻恆恒惡恶惱恼慣惯慮虑憑凭懶懒懸悬懼惧戶户擠挤攤摊敗败斂敛昇升暫暂曉晓暢畅\
    樂乐橫横歐欧歲岁殼壳毀毁滬沪滯滞潛潜澤泽濃浓瀋沈灣湾燦灿爐炉犧牺獵猎璽玺瓏珑甦苏畢毕\
    異异疇畴瘋疯瘡疮癌癌皺皱盞盏碼码磯矶祕秘禪禅稅税稟禀窪洼竄窜筧笕節节範范糞粪紋纹紐纽\
    級级紳绅縱纵縴纤罈坛羥羟聰聪肅肃脹胀膩腻臟脏艦舰莊庄蔥葱薦荐薩萨蘆芦蝕蚀補补裏里覆覆\
    訴诉詞词詩诗試试誇夸認认誘诱誼谊諸诸謂谓謠谣證证譽誉讓让豎竖豬猪貝贝賣卖趙赵跡迹踴踊\
    躉趸軀躯較较輿舆轎轿辯辩遜逊遠远適适鄧邓醫医釘钉鈍钝銳锐錶表鍊炼鍍镀鎔熔鏽锈鑄铸長长\
    閉闭閡阂華华闆板隊队階阶險险雁雁霸霸靨靥韻韵頑顽顧顾飢饥騷骚髏髅鬱郁鹹咸麼么齣出龍龙\
    酈郦悅悦寶宝瀾澜潤润荊荆匯汇員员單单執执亂乱佔占滲渗臺台廁厕漲涨饋馈噸吨攝摄擺摆圍围纜缆\
    鳴鸣鋁铝滷卤顆颗燦灿鄒邹蓮莲蘊蕴穎颖瑩莹瀋沈濤涛鑫鑫賓宾彙汇灑洒濾滤壞坏漬渍噴喷濺溅\
    鷺鹭榮荣僑侨灘滩湧涌岡冈\
    繫系溝沟塊块啟启廚厨墊垫夢梦幹干廈厦撐撑撥拨撿捡攔拦攪搅暈晕棄弃槍枪涼凉湊凑滾滚潰溃澆浇濁浊爛烂狹狭瘓痪癱瘫眾众睏困瞞瞒簾帘粵粤翹翘脫脱膠胶藍蓝螞蚂蟻蚁蠅蝇襯衬鈎钩鋸锯錘锤鴿鸽亞亚倆俩倉仓偉伟側侧傘伞備备債债傷伤僅仅價价優优內内劃划劇剧勢势協协厲厉吳吴啞哑喪丧嘆叹嚇吓嚴严囑嘱塗涂墳坟壇坛寵宠峽峡崗岗師师帳帐帶带悶闷慘惨捲卷掙挣採采搶抢撈捞擲掷業业畝亩碩硕簽签紗纱綢绸腫肿臥卧葉叶餃饺餓饿駝驼鍬锹鬚须
    """

    static let table: [Unicode.Scalar: Unicode.Scalar] = {
        var t: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (a, b) in punctuation { t[a] = b }
        // Full-width-like CJK punctuation outside FF01–FF5E handled above; the
        // FF range already covers ：，；？！（）～.
        let scalars = Array(traditional.unicodeScalars.filter { !$0.properties.isWhitespace })
        var i = 0
        while i + 1 < scalars.count {
            let from = scalars[i], to = scalars[i + 1]
            if from != to { t[from] = to }
            i += 2
        }
        return t
    }()
}
