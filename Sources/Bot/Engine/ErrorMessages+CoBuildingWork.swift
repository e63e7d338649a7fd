import Domain

extension ErrorMessages {
    static func describe(_ e: CoBuildingWorkError) -> (String, String) {
        switch e {
        case .unknownCommunity(let c): return ("unknown_community", "没有找到社区“\(c)”，请核对社区名称。")
        case .meetingNotFound(let id): return ("meeting_not_found", "没有找到议事 \(id)，请核对议事编号（YS 开头）。")
        case .meetingInPast: return ("meeting_in_past", "议事时间已过，不能安排在过去。请给出今后的时间。")
        case .meetingConflict(let id): return ("conflict", "议事 \(id) 刚被其他人更新，本次记录未生效，请查询最新进度后重试。")
        case .meetingStepsMissing: return ("meeting_steps_missing", "没有导入议事步骤（cobuild_meeting_steps.csv），无法安排议事。")
        case .illegalMeetingStep(let id, let status, let step, let allowed):
            let next = allowed.isEmpty ? "该议事没有可记录的下一步" : "下一步只能记录：\(allowed.joined(separator: " / "))"
            return ("illegal_step", "议事 \(id) 当前为“\(status)”，不能记录“\(step)”（七步议事须按顺序进行）。\(next)。本次未做任何改动。")
        case .decisionTextRequired(let id): return ("decision_required", "形成决议需要写明决议内容，例如：议事记录 \(id) 形成决议 夜间开放停车场 解决 GL20261129-0001。本次未做任何改动。")
        case .linksNeedDecision(let id): return ("links_need_decision", "只有“形成决议”时才能关联工单或需求，例如：议事记录 \(id) 形成决议 … 解决 GL…。本次未做任何改动。")
        case .otherCommunity(let id, let community, let meetingCommunity):
            return ("other_community", "\(id) 属于\(community)，本次议事在\(meetingCommunity)，不能由它的决议办结；请在\(community)的议事中处理。本次未做任何改动。")
        case .taskNotFound(let id): return ("task_not_found", "没有找到志愿任务 \(id)，请核对任务编号（RW 开头）。")
        case .taskInPast: return ("task_in_past", "任务开始时间已过，不能发布。请给出今后的时间。")
        case .invalidTaskWindow: return ("invalid_window", "任务结束时间应晚于开始时间，例如：下周六上午9点到12点。")
        case .invalidHeadcount(let n): return ("invalid_headcount", "任务人数应为 1–200 人，收到：\(n)。")
        case .taskStarted(let id): return ("task_started", "任务 \(id) 已开始或已结束，不能再报名。")
        case .taskNotStarted(let id): return ("task_not_started", "任务 \(id) 还没有开始，不能记录服务时长。")
        case .taskFull(let id, let n): return ("task_full", "任务 \(id) 名额已满（\(n) 人），没有报名。")
        case .skillMismatch(let name, let skill): return ("skill_mismatch", "\(name) 的技能中没有“\(skill)”，该任务需要\(skill)，没有报名。")
        case .alreadySignedUp(let name, let id): return ("already_signed_up", "\(name) 已经报名了任务 \(id)，不能重复报名。")
        case .volunteerBusy(let name, let id): return ("volunteer_busy", "\(name) 同一时段已报名任务 \(id)，时间冲突，没有报名。")
        case .noFreeMember(let team): return ("no_free_member", "\(team) 没有符合技能、该时段有空且未占用的队员，没有报名。")
        case .notSignedUp(let name, let id): return ("not_signed_up", "\(name) 没有报名任务 \(id)，无法记录时长。")
        case .invalidHours(let h): return ("invalid_hours", "服务时长应在 0–24 小时之间，收到：\(h)。")
        case .volunteerNotFound(let said): return ("volunteer_not_found", "没有找到队伍或志愿者：\(said)。请给出队伍全名或志愿者姓名。")
        case .pairingNotFound(let who): return ("pairing_not_found", "没有找到“四个万家”结对：\(who)。请核对党员姓名和结对户地址。")
        case .visitInFuture: return ("visit_in_future", "走访时间不能晚于现在。")
        case .visitNotFound(let id): return ("visit_not_found", "没有找到走访记录 \(id)，请核对走访编号（ZF 开头）。")
        }
    }
}
