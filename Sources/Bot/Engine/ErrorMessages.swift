import Domain

/// The one place where failures become Chinese messages and error codes.
public enum ErrorMessages {
    public static func reply(for error: any Error, intent: String?) -> Reply {
        let (code, message) = describe(error)
        return .failure(intent, code: code, message: message)
    }

    static func describe(_ error: any Error) -> (String, String) {
        switch error {
        case let e as DomainError: return describe(e)
        case let e as CoBuildingWorkError: return describe(e)
        case let e as CoBuildingError: return describe(e)
        case let e as StorageError:
            switch e {
            case .conflict: return ("conflict", "数据冲突：该记录已被他人修改，请刷新后重试。")
            case .unavailable: return ("storage_unavailable", "数据库暂时繁忙或不可用，本次操作未保存，请稍后重试。")
            case .cannotOpen(let d): return ("storage_unavailable", "无法打开数据库（\(d)），本次操作未保存。")
            case .failed: return ("storage_error", "数据库写入失败，本次操作未保存，请稍后重试。")
            }
        default: return ("internal", "系统内部错误，本次操作未保存，请稍后重试。")
        }
    }

    static func describe(_ e: DomainError) -> (String, String) {
        switch e {
        case .unknownActivity(let code): return ("unknown_activity", "没有找到活动 \(code)。可以先输入“查询活动”看看有哪些活动。")
        case .noSessionOn(let name, let day): return ("no_session", "\(name) 在 \(day) 没有场次。")
        case .sessionStarted(let name): return ("session_started", "\(name) 这一场已经开始或已结束，不能再预约或取消。")
        case .sessionCancelled(let name): return ("session_cancelled", "\(name) 这一场已取消，不能预约。")
        case .partyTooLarge(let name, let max): return ("party_too_large", "\(name) 每个预约最多 \(max) 人。")
        case .invalidPartySize: return ("invalid_party_size", "人数至少为 1 人。")
        case .duplicateBooking(let id): return ("duplicate_booking", "这个电话已经预约过这一场（预约号 \(id)），不能重复预约。")
        case .overlappingBooking(let id, let name): return ("overlapping_booking", "这个电话在同一时间已有预约：\(name)（预约号 \(id)），时间冲突。")
        case .bookingNotFound(let id): return ("booking_not_found", "没有找到预约 \(id)，请核对预约号。")
        case .bookingAlreadyCancelled(let id): return ("booking_cancelled", "预约 \(id) 已经取消过了。")
        case .sessionAlreadyCancelled(let name, let day): return ("session_cancelled", "\(name) \(day) 这一场已经取消过了。")
        case .invalidActivityDefinition(let why): return ("invalid_activity", "活动信息不完整或有误：\(why)")
        case .ticketNotFound(let id): return ("ticket_not_found", "没有找到工单 \(id)，请核对工单号。")
        case .requestNotFound(let id): return ("request_not_found", "没有找到企业服务单 \(id)，请核对单号。")
        case .illegalTransition(let id, let from, let action):
            return ("illegal_transition", "工单 \(id) 当前状态为“\(from)”，不能\(action)。")
        case .concurrentUpdate(let id): return ("conflict", "工单 \(id) 刚被其他人更新，本次操作未生效，请查询最新状态后重试。")
        case .reasonRequired(let action): return ("reason_required", "\(action)需要写明原因，例如：\(action) GL20261129-0001 不属于本网格。本次未做任何改动。")
        case .ratingRequired(let id): return ("rating_required", "回访需要居民评价：满意、基本满意或不满意，例如：回访 \(id) 满意。本次未做任何改动。")
        case .unknownChannel(let c): return ("unknown_channel", "来源渠道“\(c)”不在 热线/入户走访/网格巡查/系统对接 之中。")
        case .unknownEnterprise(let name): return ("unknown_enterprise", "企业名录中没有找到“\(name)”。")
        case .invalidCreditCode(let code): return ("invalid_uscc", "统一社会信用代码 \(code) 校验位不正确，请核对后重新输入。")
        }
    }
}
