import Understanding

/// When a line typed during a dialogue is not its answer but something new.
///
/// The dialogue holds one unfinished command (a 报事 waiting for its building, say). Two kinds of
/// line leave it rather than being merged into it: a new account of the same kind at a place of
/// its own, and a line of another intent that answers nothing asked. Either way the reply says
/// that the unfinished command was not saved — nothing is dropped without a word.
extension Engine {
    /// A new account of the dialogue's own kind, told at its own place (报事 明珠小区5栋 楼下垃圾…
    /// while a report of a lift waits for its building): a new report. Merged as an answer, the
    /// first account would be filed at the second's place and the second would be lost.
    /// Not while the account itself is what was asked for.
    func opensNewAccount(_ understanding: Understanding, over dialogue: Dialogue) -> Bool {
        dialogue.choices.isEmpty && understanding.intent == dialogue.intent
            && dialogue.awaiting != "description" && dialogue.slots["description"] != nil
            && understanding.slots["description"] != nil
            && (understanding.slots["estate"] != nil || understanding.slots["community"] != nil)
    }

    /// A line that gives the open question nothing and is understood as another intent
    /// (我约的瑜伽是几点 while a report waits for its phone): that intent's answer, the dialogue
    /// left; a cancellation said loosely (算了吧) cancels it. Nil when the line is no such thing.
    func switchesAway(from dialogue: Dialogue, understanding: Understanding, line: String, session: Session) -> PreparedReply? {
        guard let other = understanding.intent, other != dialogue.intent else { return nil }
        session.dialogue = nil
        if other == "cancel" { return .ready(Self.cancelled(dialogue)) }
        return answer(understanding, text: line, context: context, session: session).map { Self.noting(dialogue, dropped: $0) }
    }

    /// The reply to 取消 (or 算了吧) during a dialogue.
    static func cancelled(_ dialogue: Dialogue) -> Reply {
        // While asking which of two intents was meant, nothing was chosen yet.
        let askedWhichIntent = dialogue.choices.contains { $0.intent != nil }
        return .done("cancel", askedWhichIntent ? "已取消，没有保存任何内容。" : "已取消“\(dialogue.label)”，没有保存任何内容。")
    }

    /// The reply to what was typed instead, after a line saying the dialogue was left unsaved.
    static func noting(_ dialogue: Dialogue, dropped reply: Reply) -> Reply {
        // While asking which of two intents was meant, nothing was chosen yet.
        let named = dialogue.choices.contains { $0.intent != nil } ? "上一条指令" : "上一条“\(dialogue.label)”"
        var noted = reply
        noted.text = "（\(named)未完成，没有保存。）\n" + reply.text
        return noted
    }
}
