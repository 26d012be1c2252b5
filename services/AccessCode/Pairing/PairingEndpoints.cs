namespace Portal.AccessCode.Pairing;

public static class PairingEndpoints
{
    public static void MapPairingEndpoints(this IEndpointRouteBuilder app)
    {
    }
}
