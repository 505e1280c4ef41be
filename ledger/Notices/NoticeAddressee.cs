namespace PartyAffairs.Ledger.Notices;

/// <summary>A member a notice was addressed to, with their name when it was sent and where their copy stands.</summary>
public sealed record NoticeAddressee(string MemberId, string Name, NoticeDelivery Delivery);
