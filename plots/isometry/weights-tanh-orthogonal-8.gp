# Weight histograms of one strategy, written by compare-inits.
# Re-render with `gnuplot weights-tanh-orthogonal-8.gp` in this folder (reads weights-tanh-orthogonal-8.dat).
reset
set terminal pngcairo size 960,1020 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'weights-tanh-orthogonal-8.png'
set style fill solid 0.5 noborder
set grid
set xlabel 'Weight value'
set ylabel 'Weights per bin'
set multiplot layout 3,3 title 'tanh orthogonal, 8 layers: each layer'."'".'s weights where'."\n".'training started (filled) and where it ended (line), seed 1'
set title 'layer 1'
set boxwidth 0.006412299871444702
set xrange [-0.1738239735364914:0.17885251939296723]
set xtics 0.1
plot 'weights-tanh-orthogonal-8.dat' index 0 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 0 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 2'
set boxwidth 0.011099220514297485
set xrange [-0.31313163340091704:0.29732549488544463]
set xtics 0.2
plot 'weights-tanh-orthogonal-8.dat' index 1 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 1 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 3'
set boxwidth 0.010490751266479493
set xrange [-0.29461172223091125:0.2823795974254608]
set xtics 0.2
plot 'weights-tanh-orthogonal-8.dat' index 2 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 2 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 4'
set boxwidth 0.011224562525749207
set xrange [-0.2909127935767174:0.326438145339489]
set xtics 0.2
plot 'weights-tanh-orthogonal-8.dat' index 3 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 3 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 5'
set boxwidth 0.010462238788604736
set xrange [-0.27489969730377195:0.3005234360694885]
set xtics 0.2
plot 'weights-tanh-orthogonal-8.dat' index 4 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 4 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 6'
set boxwidth 0.010492700934410095
set xrange [-0.2918943926692009:0.28520415872335436]
set xtics 0.2
plot 'weights-tanh-orthogonal-8.dat' index 5 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 5 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 7'
set boxwidth 0.01033426344394684
set xrange [-0.2775222614407539:0.29086222797632216]
set xtics 0.2
plot 'weights-tanh-orthogonal-8.dat' index 6 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 6 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 8'
set boxwidth 0.011331730782985687
set xrange [-0.2776471070945263:0.3455980859696865]
set xtics 0.2
plot 'weights-tanh-orthogonal-8.dat' index 7 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 7 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 9'
set boxwidth 0.010174983739852905
set xrange [-0.2591477781534195:0.3004763275384903]
set xtics 0.2
plot 'weights-tanh-orthogonal-8.dat' index 8 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 8 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
unset multiplot
