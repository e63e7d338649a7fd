import Domain

extension ErrorMessages {
    /// Chinese wording of the co-building refusals; nothing was changed when one is given.
    static func describe(_ e: CoBuildingError) -> (String, String) {
        switch e {
        case .unknownUnit(let code): return ("unknown_unit", "没有找到成员单位 \(code)。可以说“资源清单 大富社区”查看单位和资源。")
        case .resourceNotFound(let id): return ("resource_not_found", "没有找到资源 \(id)，请核对资源编号（如 ZY20261024-0002）。")
        case .serviceNotFound(let id): return ("service_not_found", "没有找到服务 \(id)，请核对服务编号（如 FW-005）。")
        case .providerNotFound(let id): return ("provider_not_found", "没有找到资源或服务 \(id)，请核对编号。本次未做任何改动。")
        case .needNotFound(let id): return ("need_not_found", "没有找到需求 \(id)，请核对需求编号。")
        case .bookingNotFound(let id): return ("booking_not_found", "没有找到资源预约 \(id)，请核对预约号。")
        case .invalidWindow(let w): return ("invalid_window", "无法识别的开放时段“\(w)”，请写成 工作日 19:00-次日08:00 这样的形式。")
        case .invalidQuantity: return ("invalid_quantity", "数量应为 1 以上的整数。本次未做任何改动。")
        case .invalidMode(let m): return ("invalid_mode", "共享方式“\(m)”应为 空间置换 或 错时共享。")
        case .missing(let what): return ("missing", "缺少\(what)，本次未做任何改动。")
        case .illegalNeedMove(let id, let status, let action): return ("illegal_transition", "需求 \(id) 当前状态为“\(status)”，不能\(action)。本次未做任何改动。")
        case .closedOn(let name, let day, let window): return ("closed", "\(name) 在 \(day) 不开放（开放时段：\(window)）。")
        case .openingStarted(let name): return ("opening_started", "\(name) 这一时段已经开始或已结束，不能再预约或取消。")
        case .tooMany(let name, let capacity): return ("too_many", "\(name) 共 \(capacity) 个，一次预约不能超过这个数。")
        case .duplicateBooking(let id): return ("duplicate_booking", "这个电话已经预约过这一时段（预约号 \(id)），不能重复预约。")
        case .overlappingBooking(let id, let name): return ("overlapping_booking", "这个电话在同一时间已有资源预约：\(name)（预约号 \(id)），时间冲突。")
        case .bookingAlreadyCancelled(let id): return ("booking_cancelled", "资源预约 \(id) 已经取消过了。")
        }
    }
}
