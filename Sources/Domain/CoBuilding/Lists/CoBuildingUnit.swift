/// A member unit of a community's 大党委: a firm, school, hospital, property
/// company, office or social organisation, with its party organisation and contact.
public struct CoBuildingUnit: Sendable, Equatable {
    public var code: String
    public var name: String
    public var kind: String
    public var community: String
    public var estate: String
    public var partyOrganisation: String
    public var contact: String
    public var contactPhone: String

    init(row: SQLRow) {
        code = row.string("unit_code")
        name = row.string("name")
        kind = row.string("kind")
        community = row.string("community")
        estate = row.string("estate")
        partyOrganisation = row.string("party_organisation")
        contact = row.string("contact")
        contactPhone = row.string("contact_phone")
    }
}
