# Frontline integration tests: RT 5 "initialdata" seed.
#
# Load with:  rt-setup-database-5 --action insert --skip-create --datafile seed.pl
# (tests/integration/rt-server.sh does that). RT `require`s this file inside
# RT::Handle::InsertData, so it runs in that package: the arrays below are the
# ones RT reads, and every helper is a lexical closure so nothing is added to
# RT::Handle's namespace.
#
# The data is fixed: the integration tests count tickets per status, owner,
# queue and channel over REST and compare with the client. If you change
# anything here, update the summary in README.md next to this file.
#
# Fresh-DB ids: queues General=1, Support=3, Billing=4; users root=14,
# agent1=28 ("Ayşe Yılmaz"), agent2=30 ("Daniel Brooks"); custom field
# Channel=2; tickets 1..24 in the order of @tickets below.
use strict;
use warnings;
use utf8;

our ( @Queues, @Users, @Groups, @CustomFields, @ACL, @Final );

my @CHANNELS = qw(email chat phone social marketplace web api);

@Queues = (
    {   Name              => 'Support',
        Description       => 'Customer support',
        CorrespondAddress => 'support@helpdesk.test',
        CommentAddress    => 'support-comment@helpdesk.test',
    },
    {   Name        => 'Billing',
        Description => 'Invoices, payments and refunds',
    },
);

# Customers: unprivileged, Name = e-mail address (what RT itself does for
# requestors it creates from mail). ASCII addresses only (RT refuses others).
my @customers = (
    [ 'emily.carter@customer.test',   'Emily Carter',   'en' ],
    [ 'james.wilson@customer.test',   'James Wilson',   'en' ],
    [ 'olivia.bennett@customer.test', 'Olivia Bennett', 'en' ],
    [ 'mehmet.demir@customer.test',   'Mehmet Demir',   'tr' ],
    [ 'zeynep.celik@customer.test',   'Zeynep Çelik',   'tr' ],
    [ 'aysegul.ozturk@customer.test', 'Ayşegül Öztürk', 'tr' ],
    [ 'sara.mohammadi@customer.test', 'سارا محمدی',     'fa' ],
    [ 'reza.ahmadi@customer.test',    'رضا احمدی',      'fa' ],
);

@Users = (
    {   Name         => 'agent1',
        RealName     => 'Ayşe Yılmaz',
        EmailAddress => 'agent1@helpdesk.test',
        Password     => 'agentpass1',
        Privileged   => 1,
    },
    {   Name         => 'agent2',
        RealName     => 'Daniel Brooks',
        EmailAddress => 'agent2@helpdesk.test',
        Password     => 'agentpass2',
        Privileged   => 1,
    },
    map {
        {   Name         => $_->[0],
            EmailAddress => $_->[0],
            RealName     => $_->[1],
            Lang         => $_->[2],
            Privileged   => 0,
        }
    } @customers,
);

@Groups = (
    {   Name        => 'Agents',
        Description => 'Support agents',
        Members     => { Users => [ 'agent1', 'agent2' ] },
    },
);

@CustomFields = (
    {   Name        => 'Channel',
        Type        => 'SelectSingle',
        LookupType  => 'RT::Queue-RT::Ticket',
        Description => 'Where the request came from',
        Queue       => [ 'General', 'Support', 'Billing' ],
        Values      => [
            map { { Name => $CHANNELS[$_], SortOrder => $_ + 1 } } 0 .. $#CHANNELS
        ],
    },
);

# Global rights of the Agents group (REST 2.0 in RT 5.0.3 cannot grant rights).
@ACL = map { { GroupDomain => 'UserDefined', GroupId => 'Agents', Right => $_ } } qw(
    SeeQueue ShowTicket CreateTicket ReplyToTicket CommentOnTicket ModifyTicket
    OwnTicket TakeTicket StealTicket ShowTicketComments ShowOutgoingEmail
    Watch WatchAsAdminCc SeeCustomField ModifyCustomField ManageAuthTokens
    ShowUserHistory SeeGroup
);

# ---------------------------------------------------------------- tickets
#
# Each ticket: queue, channel, requestor, subject, first message (body, from
# the customer), expected final status and owner ('' = Nobody), and steps
# [ minutes after creation, actor, action, argument ]:
#   actor  : agent1 | agent2 | customer
#   action : take | reply (Correspond) | comment | status | admincc
# Tickets are back-dated: ticket N is created (25-N)*6 hours (plus a few
# minutes) before the seed runs; each step gets its own time.
my @tickets = (
    {   # 1
        queue => 'Support', channel => 'email', requestor => 'emily.carter@customer.test',
        subject => 'Where is my order #4521?',
        body => "Hi,\n\nI ordered a pair of trail running shoes last Monday (order #4521) and the tracking page still says \"label created\". Could you check where the parcel is? I need them for a race on Saturday.\n\nThanks,\nEmily",
        status => 'open', owner => 'agent1',
        steps => [
            [ 42,  agent1 => 'take' ],
            [ 55,  agent1 => reply => "Hi Emily,\n\nThanks for your patience. The courier picked up your parcel this morning and it is on its way now; the new tracking number is TRK-884213. Delivery is expected on Thursday, so you will have your shoes before the race.\n\nBest regards,\nAyşe" ],
            [ 190, customer => reply => "Great, thank you! I'll keep an eye on the tracking page.\n\nEmily" ],
        ],
    },
    {   # 2
        queue => 'Support', channel => 'chat', requestor => 'mehmet.demir@customer.test',
        subject => 'Kargom hâlâ gelmedi',
        body => "Merhaba,\n\n12 Mart'ta verdiğim 7788 numaralı siparişim hâlâ gelmedi. Kargo takip numarası da çalışmıyor, sistemde kayıt bulunamadı diyor. Yardımcı olabilir misiniz?\n\nTeşekkürler,\nMehmet Demir",
        status => 'open', owner => 'agent2',
        steps => [
            [ 8,  agent2 => 'take' ],
            [ 21, agent2 => reply => "Merhaba Mehmet Bey,\n\nGecikme için özür dileriz. Kargo firmasıyla görüştük: paketiniz İstanbul aktarma merkezinde bekliyormuş. Yarın dağıtıma çıkacak; yeni takip numaranız YK-55120934.\n\nİyi günler,\nDaniel" ],
            [ 24, agent2 => comment => "Courier confirmed the parcel was stuck at the Istanbul hub. Check again tomorrow afternoon if it has not been delivered." ],
            [ 33, customer => reply => "Teşekkür ederim, yarın evde olacağım. Görüşmek üzere." ],
        ],
    },
    {   # 3
        queue => 'Support', channel => 'web', requestor => 'sara.mohammadi@customer.test',
        subject => 'سفارش من هنوز نرسیده',
        body => "سلام،\n\nسفارش شماره ۳۳۱۰ را ده روز پیش ثبت کردم ولی هنوز به دستم نرسیده است. کد رهگیری هم در سایت پست کار نمی‌کند. لطفاً وضعیت ارسال را بررسی کنید.\n\nبا تشکر،\nسارا محمدی",
        status => 'new', owner => '',
        steps => [],
    },
    {   # 4
        queue => 'Billing', channel => 'email', requestor => 'james.wilson@customer.test',
        subject => 'Charged twice for order #6120',
        body => "Hello,\n\nMy credit card statement shows two charges of £89.90 for order #6120, both on 3 March. I only placed the order once. Please refund the duplicate charge.\n\nRegards,\nJames Wilson",
        status => 'open', owner => 'agent1',
        steps => [
            [ 64,  agent1 => 'take' ],
            [ 71,  agent1 => reply => "Hi James,\n\nSorry about that. I can see two payment attempts for order #6120. I have asked our payments team to confirm the duplicate capture; once it is confirmed, the refund takes 3-5 business days to reach your card.\n\nKind regards,\nAyşe" ],
            [ 74,  agent1 => comment => "\@agent2 can you check the payment gateway for order #6120? Looks like a double capture after a timeout. If confirmed, please refund the second one." ],
            [ 150, agent2 => comment => "Confirmed: two captures on 3 March, 14:02 and 14:03. Refund for the second capture issued, reference RF-20931." ],
        ],
    },
    {   # 5
        queue => 'Billing', channel => 'phone', requestor => 'zeynep.celik@customer.test',
        subject => 'Faturamda yanlış vergi numarası var',
        body => "Merhaba,\n\nTelefonda da belirttiğim gibi, 9034 numaralı siparişin faturasında şirketimizin vergi numarası yanlış yazılmış. Doğru numara: 4830219675. Faturayı düzeltip yeniden gönderebilir misiniz?\n\nSaygılarımla,\nZeynep Çelik",
        status => 'resolved', owner => 'agent2',
        steps => [
            [ 15, agent2 => 'take' ],
            [ 48, agent2 => reply => "Merhaba Zeynep Hanım,\n\nFaturanız doğru vergi numarasıyla yeniden düzenlendi ve e-posta adresinize gönderildi. Eski fatura iptal edildi.\n\nİyi çalışmalar,\nDaniel" ],
            [ 49, agent2 => status => 'resolved' ],
        ],
    },
    {   # 6
        queue => 'Support', channel => 'social', requestor => 'olivia.bennett@customer.test',
        subject => 'Blender arrived with a cracked jar',
        body => "Hi there,\n\nI messaged you on Instagram but was told to write here. My new blender (order #5307) arrived today and the glass jar has a crack along the base. I've attached the courier's damage note.\n\nCould you send a replacement jar?\n\nOlivia Bennett",
        attachment => [ 'damage-report.txt', "Courier damage report\nShipment: 5307-1\nCondition on delivery: outer box dented on one corner, inner packaging intact.\nDriver's note: parcel dropped while unloading.\nSigned: O. Bennett\n" ],
        status => 'stalled', owner => 'agent1',
        steps => [
            [ 95,  agent1 => 'take' ],
            [ 102, agent1 => reply => "Hi Olivia,\n\nI'm sorry your blender arrived damaged. Could you send us a photo of the crack and of the label on the box? As soon as we have them we'll ship a replacement jar.\n\nBest,\nAyşe" ],
            [ 103, agent1 => status => 'stalled' ],
        ],
    },
    {   # 7
        queue => 'Support', channel => 'marketplace', requestor => 'reza.ahmadi@customer.test',
        subject => 'کالای اشتباه ارسال شده',
        body => "سلام،\n\nمن از غرفه شما در بازار آنلاین یک هدفون بی‌سیم مشکی سفارش دادم (سفارش ۸۸۴۱) اما یک هدفون سیمی سفید برایم ارسال شده است. لطفاً راهنمایی کنید که چطور آن را مرجوع کنم.\n\nممنون،\nرضا احمدی",
        status => 'open', owner => 'agent2',
        steps => [
            [ 30, agent2 => 'take' ],
            [ 36, agent2 => comment => "Marketplace order 8841: the warehouse picked the wrong SKU (HP-200-W instead of HP-310-B). Asked them for a prepaid return label before we answer." ],
            [ 37, agent2 => status => 'open' ],
        ],
    },
    {   # 8
        queue => 'Billing', channel => 'api', requestor => 'aysegul.ozturk@customer.test',
        subject => 'İade ödemesi hesabıma geçmedi',
        body => "Merhaba,\n\nİade ettiğim ürünün (sipariş 6622) ödemesi 14 gün önce onaylandı ama hâlâ hesabıma geçmedi. Mobil uygulamada \"iade tamamlandı\" yazıyor, bankam ise böyle bir ödeme görmediğini söylüyor.\n\nAyşegül Öztürk",
        status => 'stalled', owner => 'agent2',
        steps => [
            [ 120, agent2 => 'take' ],
            [ 131, agent2 => reply => "Merhaba Ayşegül Hanım,\n\nİade ödemeniz bankanıza gönderilmiş görünüyor; işlem referansı RF-77410. Bankanızla bu referansla görüşüp sonucu bize bildirebilir misiniz?\n\nSaygılarımızla,\nDaniel" ],
            [ 133, agent2 => comment => "Refund RF-77410 left our account on the 2nd. Waiting for the customer to check with her bank." ],
            [ 134, agent2 => status => 'stalled' ],
        ],
    },
    {   # 9
        queue => 'Support', channel => 'email', requestor => 'emily.carter@customer.test',
        subject => 'How do I change my delivery address?',
        body => "Hi,\n\nI just placed order #4598 and realised it will go to my old flat. Can you change the delivery address to 14 Rosewood Lane, Bristol BS8 2QT?\n\nThanks,\nEmily Carter",
        status => 'resolved', owner => 'agent1',
        steps => [
            [ 12, agent1 => 'take' ],
            [ 19, agent1 => reply => "Hi Emily,\n\nDone: order #4598 will now be delivered to 14 Rosewood Lane, Bristol BS8 2QT. You can also change the address yourself under My Account > Orders until the order ships.\n\nBest regards,\nAyşe" ],
            [ 20, agent1 => status => 'resolved' ],
        ],
    },
    {   # 10
        queue => 'Support', channel => 'chat', requestor => 'james.wilson@customer.test',
        subject => 'Discount code SPRING20 not working',
        body => "Hi, the code SPRING20 from your newsletter says \"invalid code\" at checkout. My basket is £64, so it should qualify. Can you help?\n\nJames",
        status => 'new', owner => '',
        steps => [],
    },
    {   # 11
        queue => 'Billing', channel => 'web', requestor => 'sara.mohammadi@customer.test',
        subject => 'درخواست فاکتور رسمی',
        body => "سلام،\n\nبرای سفارش شماره ۳۲۹۵ به فاکتور رسمی به نام شرکت نیاز دارم. نام شرکت: «نگار طرح پارس». لطفاً فاکتور را به همین ایمیل بفرستید.\n\nسپاس‌گزارم،\nسارا محمدی",
        status => 'new', owner => '',
        steps => [],
    },
    {   # 12
        queue => 'Support', channel => 'phone', requestor => 'mehmet.demir@customer.test',
        subject => 'Şifremi sıfırlayamıyorum',
        body => "Merhaba,\n\nŞifremi unuttum. \"Şifremi sıfırla\" bağlantısına tıklıyorum ama e-posta hiç gelmiyor, gereksiz klasörünü de kontrol ettim. Telefonda görüştüğüm arkadaşınız buraya yazmamı söyledi.\n\nMehmet Demir",
        status => 'resolved', owner => 'agent1',
        steps => [
            [ 26, agent1 => 'take' ],
            [ 58, agent1 => reply => "Merhaba Mehmet Bey,\n\nŞifre sıfırlama e-postaları dün bir süre gönderilemiyormuş; sorun giderildi ve bağlantıyı yeniden gönderdik. Bağlantı 24 saat geçerli.\n\nİyi günler,\nAyşe" ],
            [ 59, agent1 => status => 'resolved' ],
        ],
    },
    {   # 13
        queue => 'Support', channel => 'social', requestor => 'olivia.bennett@customer.test',
        subject => 'Your Instagram ad shows the wrong price',
        body => "Your Instagram ad for the espresso machine says £149 but the website charges £189. You should honour the advertised price!\n\nOlivia",
        status => 'rejected', owner => 'agent2',
        steps => [
            [ 75, agent2 => 'take' ],
            [ 80, agent2 => comment => "The ad comes from a reseller account that is not ours (checked with marketing). Rejecting; marketing will report the ad." ],
            [ 81, agent2 => status => 'rejected' ],
        ],
    },
    {   # 14
        queue => 'Billing', channel => 'marketplace', requestor => 'zeynep.celik@customer.test',
        subject => 'Pazaryeri siparişimin faturası nerede?',
        body => "Merhaba,\n\nPazaryerindeki mağazanızdan aldığım kulaklığın (sipariş 9051) faturası gönderilmedi. Faturanın şirket adına kesilmesi gerekiyor: Çelik Danışmanlık Ltd. Şti., vergi dairesi Kadıköy.\n\nZeynep Çelik",
        status => 'open', owner => 'agent1',
        steps => [
            [ 17, agent1 => 'take' ],
            [ 22, agent1 => admincc => 'agent2' ],
            [ 23, agent1 => comment => "Marketplace invoices are issued by the marketplace, not by us. Added Daniel as AdminCc, he fixed her last invoice (ticket 5)." ],
            [ 24, agent1 => status => 'open' ],
        ],
    },
    {   # 15
        queue => 'Support', channel => 'api', requestor => 'reza.ahmadi@customer.test',
        subject => 'اپلیکیشن هنگام پرداخت بسته می‌شود',
        body => "سلام،\n\nاز دیروز هر بار که در اپلیکیشن موبایل روی دکمه «پرداخت» می‌زنم، برنامه بسته می‌شود. گوشی من سامسونگ A52 با اندروید ۱۳ است و آخرین نسخه اپلیکیشن را نصب کرده‌ام.\n\nرضا احمدی",
        status => 'new', owner => '',
        steps => [],
    },
    {   # 16
        queue => 'Support', channel => 'email', requestor => 'aysegul.ozturk@customer.test',
        subject => 'Ürün beden değişimi',
        body => "Merhaba,\n\nGeçen hafta aldığım mont (sipariş 6734) bana küçük geldi. M bedeni L ile değiştirmek istiyorum. Kargo ücretini kim ödüyor?\n\nTeşekkürler,\nAyşegül",
        status => 'stalled', owner => 'agent1',
        steps => [
            [ 140, agent1 => 'take' ],
            [ 146, agent1 => reply => "Merhaba Ayşegül Hanım,\n\nDeğişim için ücretsiz kargo kodunuz: DGS-4471. Montu orijinal ambalajıyla kargoya verdikten sonra bize haber verin; L beden stokta, hemen gönderebiliriz.\n\nİyi günler,\nAyşe" ],
            [ 147, agent1 => status => 'stalled' ],
        ],
    },
    {   # 17
        queue => 'Billing', channel => 'chat', requestor => 'emily.carter@customer.test',
        subject => 'Was my subscription renewal cancelled?',
        body => "Hi, I got an email saying my Premium renewal failed, but my card is valid until 2027. Will I lose free delivery?\n\nEmily",
        status => 'open', owner => 'agent2',
        steps => [
            [ 5,  agent2 => 'take' ],
            [ 11, agent2 => reply => "Hi Emily,\n\nThe renewal failed because your bank asked for a 3-D Secure confirmation. Your Premium benefits stay active for 7 more days; you can retry the payment under My Account > Subscription.\n\nCheers,\nDaniel" ],
            [ 13, agent2 => comment => "Bank declined with 'authentication required'. Benefits extended by 7 days by hand." ],
        ],
    },
    {   # 18
        queue => 'Support', channel => 'web', requestor => 'james.wilson@customer.test',
        subject => 'Missing screws in the bookshelf kit',
        body => "Hello,\n\nThe bookshelf kit I received (order #6388) is missing the bag of screws marked \"C\". I can't finish assembling it without them.\n\nJames Wilson",
        status => 'resolved', owner => 'agent2',
        steps => [
            [ 44, agent2 => 'take' ],
            [ 61, customer => reply => "Update: found the bag taped inside the back panel. Sorry for the trouble, all good now!" ],
            [ 70, agent2 => comment => "Customer found the parts. Closing." ],
            [ 71, agent2 => status => 'resolved' ],
        ],
    },
    {   # 19
        queue => 'Billing', channel => 'email', requestor => 'reza.ahmadi@customer.test',
        subject => 'بازگشت وجه سفارش لغو شده',
        body => "سلام،\n\nسفارش ۸۷۰۲ را همان روز ثبت لغو کردم ولی مبلغ ۲٬۴۵۰٬۰۰۰ تومان هنوز به حسابم برنگشته است. لطفاً پیگیری کنید.\n\nبا سپاس،\nرضا احمدی",
        status => 'open', owner => '',
        steps => [
            [ 37, agent1 => reply => "سلام آقای احمدی،\n\nدرخواست بازگشت وجه سفارش ۸۷۰۲ ثبت شد و ظرف سه تا پنج روز کاری به حساب شما واریز می‌شود. شماره پیگیری: ۵۵۱۲۰.\n\nبا احترام،\nآیشه" ],
        ],
    },
    {   # 20
        queue => 'Support', channel => 'phone', requestor => 'zeynep.celik@customer.test',
        subject => 'Kapıda ödeme seçeneği görünmüyor',
        body => "Merhaba,\n\nSepetimde 3 ürün var ama ödeme adımında kapıda ödeme seçeneği çıkmıyor. Daha önce hep böyle ödüyordum. Bir değişiklik mi oldu?\n\nZeynep Çelik",
        status => 'new', owner => 'agent2',
        steps => [
            [ 9, agent2 => 'take' ],
        ],
    },
    {   # 21
        queue => 'Support', channel => 'marketplace', requestor => 'olivia.bennett@customer.test',
        subject => 'Seller never shipped my order',
        body => "Hi,\n\nI bought a desk lamp from your shop on the marketplace two weeks ago (order MP-20417). It still says \"awaiting dispatch\". Can you tell me what's going on?\n\nOlivia",
        status => 'stalled', owner => 'agent2',
        steps => [
            [ 52, agent2 => 'take' ],
            [ 66, agent2 => reply => "Hi Olivia,\n\nThe lamp was out of stock at our warehouse; it is back on Monday. Would you like to wait for it, or should we cancel and refund the order?\n\nDaniel" ],
            [ 67, agent2 => status => 'stalled' ],
        ],
    },
    {   # 22
        queue => 'Billing', channel => 'social', requestor => 'mehmet.demir@customer.test',
        subject => 'Kredi kartımdan iki kez çekim yapıldı',
        body => "Merhaba, Twitter'dan da yazmıştım. Dün 7911 numaralı sipariş için kartımdan iki kez 349,90 TL çekildi. İkinci çekimin iadesini rica ediyorum.\n\nMehmet",
        status => 'resolved', owner => 'agent1',
        steps => [
            [ 18, agent1 => 'take' ],
            [ 27, agent1 => reply => "Merhaba Mehmet Bey,\n\nİkinci çekim iptal edildi; tutar 2-3 iş günü içinde kartınıza yansıyacak. Yaşadığınız sorun için özür dileriz.\n\nİyi günler,\nAyşe" ],
            [ 29, agent1 => comment => "Same gateway double-capture problem as ticket #4." ],
            [ 30, agent1 => status => 'resolved' ],
        ],
    },
    {   # 23
        queue => 'Support', channel => 'api', requestor => 'sara.mohammadi@customer.test',
        subject => 'کد تخفیف در اپلیکیشن اعمال نمی‌شود',
        body => "سلام،\n\nکد تخفیف BAHAR25 در اپلیکیشن خطای «کد نامعتبر است» می‌دهد، ولی در سایت درست کار می‌کند.\n\nسارا",
        status => 'open', owner => 'agent1',
        steps => [
            [ 14, agent1 => 'take' ],
            [ 15, agent1 => status => 'open' ],
        ],
    },
    {   # 24
        queue => 'Billing', channel => 'phone', requestor => 'emily.carter@customer.test',
        subject => 'Need a VAT invoice for my company',
        body => "Hi,\n\nAs discussed on the phone just now, I need a VAT invoice for order #4702 made out to Carter Design Ltd, VAT number GB 123 4567 89.\n\nThanks,\nEmily Carter",
        status => 'new', owner => '',
        steps => [],
    },
);

# A MIME message as RT's web UI builds it: UTF-8 bytes in the headers and body.
my $mime = sub {
    my (%m) = @_;
    require MIME::Entity;
    require Encode;
    my $enc = sub { Encode::encode( 'UTF-8', $_[0] ) };
    my %head = map { defined $m{$_} ? ( $_ => $enc->( $m{$_} ) ) : () } qw(From Subject);
    unless ( $m{Attachment} ) {
        return MIME::Entity->build(
            %head,
            Type     => 'text/plain',
            Charset  => 'UTF-8',
            Encoding => 'quoted-printable',
            Data     => [ $enc->( $m{Body} ) ],
        );
    }
    my $top = MIME::Entity->build( %head, Type => 'multipart/mixed' );
    $top->attach(
        Type     => 'text/plain',
        Charset  => 'UTF-8',
        Encoding => 'quoted-printable',
        Data     => [ $enc->( $m{Body} ) ],
    );
    my ( $name, $content ) = @{ $m{Attachment} };
    $top->attach(
        Type        => 'text/plain',
        Charset     => 'UTF-8',
        Filename    => $name,
        Disposition => 'attachment',
        Data        => [ $enc->($content) ],
    );
    return $top;
};

@Final = (
    sub {
        my $dbh = $RT::Handle->dbh;
        my $max_txn = sub { scalar $dbh->selectrow_array('SELECT MAX(id) FROM Transactions') || 0 };

        my %cu;    # RT::CurrentUser per user name
        my $as = sub {
            my $name = shift;
            return $cu{$name} ||= do {
                my $u = RT::CurrentUser->new;
                $u->Load($name);
                die "seed: no user $name\n" unless $u->Id;
                $u;
            };
        };

        my $cfs = RT::CustomFields->new( RT->SystemUser );
        $cfs->Limit( FIELD => 'Name', VALUE => 'Channel', CASESENSITIVE => 0 );
        $cfs->LimitToLookupType( RT::Ticket->CustomFieldLookupType );
        my $channel_cf = $cfs->First or die "seed: no Channel custom field\n";

        # Customers write their own first messages and follow-ups, as they would
        # through the mail gateway. They only need these rights while seeding.
        my $unpriv = RT::Group->new( RT->SystemUser );
        $unpriv->LoadSystemInternalGroup('Unprivileged');
        my @customer_rights = qw(CreateTicket ReplyToTicket ShowTicket SeeCustomField SetInitialCustomField);
        for my $right (@customer_rights) {
            my ( $ok, $msg ) = $unpriv->PrincipalObj->GrantRight( Right => $right, Object => RT->System );
            die "seed: grant $right: $msg\n" unless $ok;
        }

        my $now = time;
        my @moments;    # [ first txn id, last txn id, unix time ]
        my %customer_name = map { $_->[0] => $_->[1] } @customers;

        for my $i ( 0 .. $#tickets ) {
            my $spec = $tickets[$i];
            my $n    = $i + 1;
            my $born = $now - 60 * ( ( 25 - $n ) * 360 + ( $n * 37 ) % 50 );

            my $before = $max_txn->();
            my $id;
            {    # the ticket object must be gone (its batch scrips run) before we count
                my $t = RT::Ticket->new( $as->( $spec->{requestor} ) );
                ( $id, undef, my $msg ) = $t->Create(
                    Queue     => $spec->{queue},
                    Subject   => $spec->{subject},
                    Requestor => [ $spec->{requestor} ],
                    'CustomField-' . $channel_cf->Id => $spec->{channel},
                    MIMEObj => $mime->(
                        From       => "$customer_name{$spec->{requestor}} <$spec->{requestor}>",
                        Subject    => $spec->{subject},
                        Body       => $spec->{body},
                        Attachment => $spec->{attachment},
                    ),
                );
                die "seed: ticket $n: $msg\n" unless $id;
            }
            die "seed: ticket $n got id $id (not a fresh database?)\n" unless $id == $n;
            push @moments, [ $before + 1, $max_txn->(), $born ];

            for my $step ( @{ $spec->{steps} } ) {
                my ( $minutes, $actor, $action, $arg ) = @$step;
                my $when = $born + 60 * $minutes;
                die "seed: ticket $n: step at +$minutes min lies in the future\n" if $when >= $now;
                my $who = $actor eq 'customer' ? $spec->{requestor} : $actor;
                $before = $max_txn->();
                {
                    my $tk = RT::Ticket->new( $as->($who) );
                    $tk->Load($id);
                    my ( $ok, $m );
                    if ( $action eq 'take' ) {
                        ( $ok, $m ) = $tk->Take;
                    }
                    elsif ( $action eq 'reply' ) {
                        my $subject = ( $actor eq 'customer' ? 'Re: ' : '' ) . $spec->{subject};
                        my $from = $actor eq 'customer'
                            ? "$customer_name{$who} <$who>"
                            : undef;
                        ( $ok, $m ) = $tk->Correspond(
                            MIMEObj => $mime->( From => $from, Subject => $subject, Body => $arg ) );
                    }
                    elsif ( $action eq 'comment' ) {
                        ( $ok, $m ) = $tk->Comment(
                            MIMEObj => $mime->( Subject => $spec->{subject}, Body => $arg ) );
                    }
                    elsif ( $action eq 'status' ) {
                        ( $ok, $m ) = $tk->SetStatus($arg);
                    }
                    elsif ( $action eq 'admincc' ) {
                        my $u = RT::User->new( RT->SystemUser );
                        $u->Load($arg);
                        ( $ok, $m ) = $tk->AddWatcher( Type => 'AdminCc', PrincipalId => $u->PrincipalId );
                    }
                    else {
                        die "seed: ticket $n: unknown action $action\n";
                    }
                    die "seed: ticket $n: $action as $who: $m\n" unless $ok;
                }
                push @moments, [ $before + 1, $max_txn->(), $when ];
            }
        }

        for my $right (@customer_rights) {
            my ( $ok, $msg ) = $unpriv->PrincipalObj->RevokeRight( Right => $right, Object => RT->System );
            die "seed: revoke $right: $msg\n" unless $ok;
        }

        # Back-date: every transaction gets the time of the step that made it,
        # then the tickets' own dates follow their transactions.
        my $iso = sub {
            my @t = gmtime shift;
            sprintf '%04d-%02d-%02d %02d:%02d:%02d', $t[5] + 1900, $t[4] + 1, @t[ 3, 2, 1, 0 ];
        };
        $dbh->begin_work;
        for my $m (@moments) {
            my ( $from, $to, $when ) = @$m;
            next if $to < $from;
            $dbh->do( 'UPDATE Transactions SET Created = ? WHERE id BETWEEN ? AND ?',
                undef, $iso->($when), $from, $to );
            $dbh->do( 'UPDATE Attachments SET Created = ? WHERE TransactionId BETWEEN ? AND ?',
                undef, $iso->($when), $from, $to );
        }
        my $txn_time = q{(SELECT %s(x.Created) FROM Transactions x WHERE x.ObjectType = 'RT::Ticket' AND x.ObjectId = Tickets.id %s)};
        my $first    = sprintf $txn_time, 'MIN', q{AND x.Type = 'Create'};
        my $last     = sprintf $txn_time, 'MAX', '';
        my $started  = sprintf $txn_time, 'MIN', q{AND x.Type = 'Status'};
        my $resolved = sprintf $txn_time, 'MAX', q{AND x.Type = 'Status' AND x.NewValue IN ('resolved', 'rejected')};
        my $told     = sprintf $txn_time, 'MAX', q{AND x.Type = 'Correspond' AND x.Creator IN (SELECT id FROM Users WHERE Name IN ('agent1', 'agent2'))};
        my $unset    = q{'1970-01-01 00:00:00'};
        $dbh->do("UPDATE Tickets SET Created = $first, LastUpdated = $last,
                  Started = CASE WHEN Started > $unset THEN COALESCE($started, $first) ELSE Started END,
                  Resolved = CASE WHEN Resolved > $unset THEN COALESCE($resolved, Resolved) ELSE Resolved END,
                  Told = CASE WHEN Told > $unset THEN COALESCE($told, Told) ELSE Told END");
        $dbh->do(q{UPDATE ObjectCustomFieldValues SET
                   Created = (SELECT t.Created FROM Tickets t WHERE t.id = ObjectId),
                   LastUpdated = (SELECT t.Created FROM Tickets t WHERE t.id = ObjectId)
                   WHERE ObjectType = 'RT::Ticket'});
        $dbh->commit;

        # Check the result against the plan.
        for my $i ( 0 .. $#tickets ) {
            my $spec = $tickets[$i];
            my $t    = RT::Ticket->new( RT->SystemUser );
            $t->Load( $i + 1 );
            my $owner = $t->Owner == RT->Nobody->Id ? '' : $t->OwnerObj->Name;
            my $got   = join '/', $t->Status, $owner, $t->QueueObj->Name,
                $t->FirstCustomFieldValue('Channel') // '';
            my $want = join '/', @{$spec}{qw(status owner queue channel)};
            die "seed: ticket " . ( $i + 1 ) . " is $got, expected $want\n" unless $got eq $want;
        }
    },
);

1;
