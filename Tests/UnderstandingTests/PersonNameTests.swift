import Testing
@testable import Understanding

/// Names with a marker (姓名 我叫 联系人), with a title (张先生), or typed as their own
/// token right before a mobile number, as operators do.
@Suite struct PersonNameTests {
    @Test(arguments: [
        ("姓名张三 13800138000", "张三"), ("我叫李四", "李四"), ("联系人王五", "王五"), ("找张先生", "张先生"),
        ("报事/桂花社区/荔园华府 7栋/电梯异响/李秀兰 13922334455", "李秀兰"),
        ("我想约HD-003那场瑜伽，就我一个，王芳，13922220000", "王芳"),
        ("派单 GL20261129-0001 给 李明 13800007777", "李明"),
        ("明天早上七点的太极拳我要报一个，叫王秀英，电话13760002222", "王秀英"),
        ("篮球赛我们想参加，四个人，名字写李明，电话13900112233", "李明"),
        ("把GL20261127-0011派给张伟 13800000012", "张伟"),
        ("把GL20261128-0011转给黎晓红处理，她电话13800000115", "黎晓红"),
        ("德润华府3栋外墙瓷砖脱落 上报人网格员夏秀英 电话13800000689", "夏秀英"),
        ("预约 HD-004 下周六 2个人 电话13800138000 张三", "张三"),
        ("来电人：刘建华，电话：13800000001", "刘建华"), ("来电人张桂兰(联系电话13800000002)称", "张桂兰"),
        ("书法班 2人 名字黄秀兰 13800000003", "黄秀兰"), ("住户张秀英(13927716608)来电", "张秀英"),
        ("房东扣押金不退 电话13590317762 租客刘芳", "刘芳"),
        ("我电话是13560012233，姓周，谢谢", "周"), ("俺电话15012345678 姓赵", "赵"), ("外墙瓷砖掉落 13645678901 吴", "吴"),
        ("课后托管 明天下午四点半 帮孩子约一个 电话13433445566 孩子叫陈乐乐", "陈乐乐"),
        // the whole name before a title; a role between 派给 and the name
        ("业主12栋的孙建华先生反映楼上空调滴水", "孙建华"), ("我是王芳女士的女儿", "王芳"), ("麻烦转告向王先生", "王先生"),
        ("把GL20261126-0003派给网格员杨凯 13800000039", "杨凯"),
    ])
    func finds(text: String, name: String) {
        #expect(PersonName.find(in: text) == name)
    }

    @Test(arguments: [
        "香榭郦景3栋电梯坏了 电话13800138000", "物业不管 13800138000", "电梯坏了13800138000",
        "楼道灯不亮 13800138000", "我的号码 13800138000",
        "叫人来修一下 香榭郦景3栋", "交给物业处理吧", "楼上狗叫个不停", "派给网格员 13800138000",
        "转给张家的那个事", "香榭郦景3栋漏水 13800138000 马上来", "香榭郦景3栋漏水 13800138000 周末来", "报名志愿 RW20261129-0001 魏志强", "姓名不详 13800138000", "香榭郦景3栋漏水 13800138000 谢",
    ])
    func findsNone(text: String) {
        #expect(PersonName.find(in: text) == nil)
    }

    /// 姓周 leaves the description whole: the name is 周, and 姓 goes with it.
    @Test func aSurnameAloneLeavesTheDescriptionWithItsMarker() {
        let found = PersonName.findRange(in: ScalarText("电梯异响 电话18612345098 姓周"))
        #expect(found?.0 == "周")
        #expect(found?.1 == 19..<21)
        let u = Fixtures.understander.understand("荔园那边2栋的电梯异响 电话18612345098 姓周", context: Fixtures.context)
        #expect(u.slots["description"] == .string("荔园那边2栋的电梯异响"))
    }
}
