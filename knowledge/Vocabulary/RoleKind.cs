namespace PartyAffairs.Knowledge.Vocabulary;

/// <summary>What a role names: an organisation, an office in one, or members themselves.</summary>
public enum RoleKind
{
    /// <summary>An organisation or body (党组（党委）, 党支部, 党小组).</summary>
    Organisation,

    /// <summary>An individual office (书记, 副书记, 委员, 成员).</summary>
    Office,

    /// <summary>Members in a capacity that is not an office (党员, 预备党员, 入党介绍人).</summary>
    Member,
}
