namespace Sunbay.Client.Payments.Durability;

/// <summary>How much an <see cref="IRecoverableCardPayments"/> start must look for an earlier attempt of its key.</summary>
public enum CardPaymentStartMode
{
    /// <summary>The journal has just proved that no earlier attempt used the key: send without looking.</summary>
    Fresh = 1,

    /// <summary>The caller chose the key and an attempt from before this journal may exist: look once, resume what is found, otherwise send.</summary>
    LookFirst = 2,

    /// <summary>
    /// An earlier attempt left and its answer was lost: it may exist and show late. Look for the provider's bounded
    /// window (CM.com: re-read the terminal's list) before sending again; never send while it may exist.
    /// </summary>
    AfterLostAnswer = 3,
}
