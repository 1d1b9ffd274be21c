# Weight histograms of one strategy, written by compare-inits.
# Re-render with `gnuplot weights-relu-orthogonal-128.gp` in this folder (reads weights-relu-orthogonal-128.dat).
reset
set terminal pngcairo size 960,1320 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'weights-relu-orthogonal-128.png'
set style fill solid 0.5 noborder
set grid
set xlabel 'Weight value'
set ylabel 'Weights per bin'
set multiplot layout 4,3 title 'ReLU orthogonal, 128 layers: the weights of 12 of its 129 layers'."\n".'where training started (filled) and where it ended (line), seed 1'
set title 'layer 1'
set boxwidth 0.009184122383594513
set xrange [-0.25517644062638284:0.2499502904713154]
set xtics 0.1
plot 'weights-relu-orthogonal-128.dat' index 0 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 0 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 13'
set boxwidth 0.014466771483421325
set xrange [-0.41243620961904526:0.38323622196912766]
set xtics 0.2
plot 'weights-relu-orthogonal-128.dat' index 12 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 12 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 24'
set boxwidth 0.014557803869247437
set xrange [-0.3821353942155838:0.4185438185930252]
set xtics 0.2
plot 'weights-relu-orthogonal-128.dat' index 23 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 23 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 36'
set boxwidth 0.01490499496459961
set xrange [-0.40652530193328856:0.41324942111968993]
set xtics 0.2
plot 'weights-relu-orthogonal-128.dat' index 35 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 35 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 48'
set boxwidth 0.014171201586723327
set xrange [-0.3915504977107048:0.38786558955907824]
set xtics 0.2
plot 'weights-relu-orthogonal-128.dat' index 47 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 47 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 59'
set boxwidth 0.014591304063796997
set xrange [-0.410268047451973:0.3922536760568619]
set xtics 0.2
plot 'weights-relu-orthogonal-128.dat' index 58 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 58 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 71'
set boxwidth 0.014066469669342042
set xrange [-0.376720130443573:0.39693570137023926]
set xtics 0.2
plot 'weights-relu-orthogonal-128.dat' index 70 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 70 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 82'
set boxwidth 0.014979435205459595
set xrange [-0.4243215054273605:0.39954743087291716]
set xtics 0.2
plot 'weights-relu-orthogonal-128.dat' index 81 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 81 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 94'
set boxwidth 0.015188876390457153
set xrange [-0.4487945526838303:0.3865936487913132]
set xtics 0.2
plot 'weights-relu-orthogonal-128.dat' index 93 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 93 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 106'
set boxwidth 0.014455722570419311
set xrange [-0.4057866007089615:0.38927814066410066]
set xtics 0.2
plot 'weights-relu-orthogonal-128.dat' index 105 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 105 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 117'
set boxwidth 0.014163104891777039
set xrange [-0.38659248799085616:0.39237828105688094]
set xtics 0.2
plot 'weights-relu-orthogonal-128.dat' index 116 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 116 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 129'
set boxwidth 0.013986181616783142
set xrange [-0.39817130416631696:0.3710686847567558]
set xtics 0.2
plot 'weights-relu-orthogonal-128.dat' index 128 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 128 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
unset multiplot
